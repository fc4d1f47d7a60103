import type { NodePlopAPI } from 'node-plop';
import { initGenerator } from './src/init/init-generator.js';
import { removeServiceGenerator } from './src/lifecycle/remove-service.js';
import { renameServiceGenerator } from './src/lifecycle/rename-service.js';
import { packageGenerator } from './src/package/package-generator.js';
import { serviceGenerator } from './src/service/service-generator.js';
import { registerActions } from './src/shared/plop-actions.js';
import { plopGenerator } from './src/shared/plop-generator.js';
import { readRepoCatalog } from './src/shared/repo-catalog.js';

/**
 * The generators of this repository, for `npm run gen` (plop asks, each generator plans, one
 * step writes). `npm create @slipway/service` calls the service generator without plop.
 * The destination base path is the repository root.
 * @example npm run gen -- service
 */
export default function plopfile(plop: NodePlopAPI): void {
  const catalog = readRepoCatalog(plop.getDestBasePath());
  registerActions(plop);
  plop.setWelcomeMessage('What do you want to create?');
  plop.setGenerator('service', plopGenerator(plop, serviceGenerator, catalog));
  plop.setGenerator('remove-service', plopGenerator(plop, removeServiceGenerator, catalog));
  plop.setGenerator('rename-service', plopGenerator(plop, renameServiceGenerator, catalog));
  plop.setGenerator('package', plopGenerator(plop, packageGenerator, catalog));
  plop.setGenerator('init', initGenerator(catalog));
}
