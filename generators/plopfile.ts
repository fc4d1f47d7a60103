import { fileURLToPath } from 'node:url';
import type { NodePlopAPI } from 'node-plop';
import { removeServiceGenerator } from './src/lifecycle/remove-service.js';
import { renameServiceGenerator } from './src/lifecycle/rename-service.js';
import { packageGenerator } from './src/package/package-generator.js';
import { serviceGenerator } from './src/service/service-generator.js';
import { registerActions } from './src/shared/plop-actions.js';
import { readRepoCatalog } from './src/shared/repo-catalog.js';

/** Templates mirror the trees they produce: `templates/service/src/app.ts.hbs` → `src/app.ts`. */
const templatesDir = fileURLToPath(new URL('./templates', import.meta.url));

/**
 * The generators of this repository. `npm run gen` (plop) and `npm create @slipway/service`
 * both load this file; the destination base path is the repository root. (The template's
 * one-shot `init` has a plopfile of its own, left out of forks.)
 * @example npm run gen -- service
 */
export default function plopfile(plop: NodePlopAPI): void {
  const catalog = readRepoCatalog(plop.getDestBasePath());
  registerActions(plop, templatesDir);
  plop.setWelcomeMessage('What do you want to create?');
  plop.setGenerator('service', serviceGenerator(catalog));
  plop.setGenerator('remove-service', removeServiceGenerator(catalog));
  plop.setGenerator('rename-service', renameServiceGenerator(catalog));
  plop.setGenerator('package', packageGenerator(catalog));
}
