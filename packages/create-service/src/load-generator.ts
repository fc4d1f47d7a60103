import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import nodePlop, { type NodePlopAPI, type PlopGenerator } from 'node-plop';
import { plopfilePath } from './find-repo-root.js';

type Plopfile = (plop: NodePlopAPI) => void | Promise<void>;

function isPlopfile(value: unknown): value is Plopfile {
  return typeof value === 'function';
}

/**
 * Loads the repository's own plopfile (its templates and rules travel with the
 * repository, so a fork's changes apply) and returns one of its generators.
 * @example const service = await loadGenerator(repoRoot, 'service');
 */
export async function loadGenerator(root: string, name: string): Promise<PlopGenerator> {
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  const module: unknown = await import(pathToFileURL(join(root, plopfilePath)).href);
  const plopfile =
    typeof module === 'object' && module !== null ? Reflect.get(module, 'default') : undefined;
  if (!isPlopfile(plopfile)) {
    throw new Error(`${plopfilePath} has no default export: it must export (plop) => { ... }`);
  }
  await plopfile(plop);
  return plop.getGenerator(name);
}
