import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nodePlop, { type NodePlopAPI, type PlopGenerator } from 'node-plop';
import { plopfilePath } from './find-repo-root.ts';

/** What a plopfile default-exports. */
type Plopfile = (plop: NodePlopAPI) => void | Promise<void>;

function isPlopfile(value: unknown): value is Plopfile {
  return typeof value === 'function';
}

/**
 * The plopfile is TypeScript, as are the generators and packages it imports: Node runs them from
 * source (it strips the types; workspace packages resolve through the `@slipway/source`
 * condition, which the repository's .npmrc gives `npm create`).
 */
async function importPlopfile(root: string): Promise<Plopfile> {
  const { default: plopfile } = await import(pathToFileURL(join(root, plopfilePath)).href);
  if (!isPlopfile(plopfile)) {
    throw new Error(`${plopfilePath} has no default export: it must export (plop) => { ... }`);
  }
  return plopfile;
}

/**
 * Loads the repository's own plopfile (its templates and rules travel with the repository, so
 * a fork's changes apply) into node-plop, writing relative to the repository root, and returns
 * one of its generators, as plop's own tests load theirs.
 * @example const service = await loadGenerator(repoRoot, 'service');
 */
export async function loadGenerator(root: string, name: string): Promise<PlopGenerator> {
  const plopfile = await importPlopfile(root);
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  await plopfile(plop);
  return plop.getGenerator(name);
}
