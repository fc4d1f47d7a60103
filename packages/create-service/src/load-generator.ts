import { join } from 'node:path';
import type { PlopGenerator } from 'node-plop';
import { importSource } from '@slipway/run-source';
import { plopfilePath } from './find-repo-root.js';
import { type ActionRunner, loadHeadlessGenerator, type Plopfile } from './headless-plop.js';

function isPlopfile(value: unknown): value is Plopfile {
  return typeof value === 'function';
}

/** The plopfile is TypeScript, as are the generators and packages it imports: run from source. */
async function importPlopfile(root: string): Promise<Plopfile> {
  const { default: plopfile } = await importSource(join(root, plopfilePath));
  if (!isPlopfile(plopfile)) {
    throw new Error(`${plopfilePath} has no default export: it must export (plop) => { ... }`);
  }
  return plopfile;
}

async function loadWithPlop(root: string, plopfile: Plopfile, name: string) {
  // Imported here, not at the top: node-plop brings inquirer, which a run without prompts
  // never needs, and it is a third of the start-up.
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  await plopfile(plop);
  return plop.getGenerator(name);
}

/**
 * Loads the repository's own plopfile (its templates and rules travel with the
 * repository, so a fork's changes apply) and returns one of its generators: with node-plop
 * when it will prompt, else without it when the generator allows (see
 * {@link loadHeadlessGenerator}).
 * @example const service = await loadGenerator(repoRoot, 'service', { prompting: false });
 */
export async function loadGenerator(
  root: string,
  name: string,
  { prompting }: { readonly prompting: boolean },
): Promise<ActionRunner | PlopGenerator> {
  const plopfile = await importPlopfile(root);
  const headless = prompting ? undefined : await loadHeadlessGenerator(root, plopfile, name);
  return headless ?? loadWithPlop(root, plopfile, name);
}
