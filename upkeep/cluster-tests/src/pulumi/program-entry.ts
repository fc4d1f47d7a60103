import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

/** The parts of `Pulumi.yaml` that say which program runs. */
export interface PulumiProject {
  readonly name: string;
  /** The program's entry file, absolute. */
  readonly main: string;
}

/**
 * Reads a project's name and entry point from its `Pulumi.yaml` (`main`, default `index.js`'s
 * folder convention is not used by Slipway: every project names its `main`).
 * @example readPulumiProject('infra/services').main // '/…/infra/services/src/index.ts'
 */
export function readPulumiProject(projectDir: string): PulumiProject {
  const file = join(projectDir, 'Pulumi.yaml');
  const project = parse(readFileSync(file, 'utf8')) as { name?: unknown; main?: unknown };
  if (typeof project.name !== 'string') throw new Error(`${file} has no name`);
  if (typeof project.main !== 'string') throw new Error(`${file} has no main`);
  return { name: project.name, main: join(projectDir, project.main) };
}

/**
 * Runs a project's program the way Pulumi's Node.js host does: imports its `main`; a default
 * export that is a function is called, any other default export is the stack's outputs, and
 * without one the module's named exports are.
 * @example const outputs = await runProjectProgram(readPulumiProject('infra/platform'));
 */
export async function runProjectProgram(project: PulumiProject): Promise<Record<string, unknown>> {
  const module = (await import(pathToFileURL(project.main).href)) as Record<string, unknown>;
  if ('default' in module) {
    const exported = module.default;
    const value = typeof exported === 'function' ? await exported() : exported;
    return (value ?? {}) as Record<string, unknown>;
  }
  return { ...module };
}
