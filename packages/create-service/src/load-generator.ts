import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Where a Slipway repository keeps what `npm create @slipway/service` calls: its service
 * generator and the runner that applies its plan, relative to its root.
 */
const serviceGeneratorPath = 'generators/src/service/index.ts';

/** The service generator of a repository, as {@link loadServiceGenerator} returns it. */
export type ServiceGeneratorModule = typeof import('@slipway/generators/service');

function isServiceGeneratorModule(value: unknown): value is ServiceGeneratorModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    ['runGenerator', 'readRepoCatalog', 'askQuestions'].every(
      (name) => typeof Reflect.get(value, name) === 'function',
    ) &&
    typeof Reflect.get(value, 'serviceGenerator') === 'object'
  );
}

/**
 * Loads the repository's own service generator (its templates and rules travel with the
 * repository, so a fork's changes apply) from its TypeScript source: Node strips the types, and
 * workspace packages resolve through the `@slipway/source` condition, which the repository's
 * .npmrc gives `npm create`. No plop: the generator plans and its runner writes; plop is loaded
 * only to ask questions in a terminal.
 * @example const { serviceGenerator, runGenerator } = await loadServiceGenerator(repoRoot);
 */
export async function loadServiceGenerator(root: string): Promise<ServiceGeneratorModule> {
  const loaded: unknown = await import(pathToFileURL(join(root, serviceGeneratorPath)).href);
  if (!isServiceGeneratorModule(loaded)) {
    throw new Error(
      `${serviceGeneratorPath} does not export serviceGenerator, runGenerator, readRepoCatalog and askQuestions: restore it from the template.`,
    );
  }
  return loaded;
}
