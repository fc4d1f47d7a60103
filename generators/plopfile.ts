import type { NodePlopAPI } from 'node-plop';
import { removeServiceGenerator } from './src/lifecycle/remove-service.ts';
import { renameServiceGenerator } from './src/lifecycle/rename-service.ts';
import { packageGenerator } from './src/package/package-generator.ts';
import { serviceGenerator } from './src/service/service-generator.ts';
import { plopGenerator } from './src/shared/plop-generator.ts';
import { readRepoCatalog } from './src/shared/repo-catalog.ts';

/**
 * The generators of this repository, for `npm run gen` (plop asks, each generator plans, one
 * step writes). `npm create @slipway/service` calls the service generator without plop.
 * The destination base path is the repository root. (The template's one-shot `init` has a
 * plopfile of its own, left out of forks.)
 * @example npm run gen -- service
 */
export default function plopfile(plop: NodePlopAPI): void {
  const catalog = readRepoCatalog(plop.getDestBasePath());
  plop.setWelcomeMessage('What do you want to create?');
  plop.setGenerator('service', plopGenerator(plop, serviceGenerator, catalog));
  plop.setGenerator('remove-service', plopGenerator(plop, removeServiceGenerator, catalog));
  plop.setGenerator('rename-service', plopGenerator(plop, renameServiceGenerator, catalog));
  plop.setGenerator('package', plopGenerator(plop, packageGenerator, catalog));
}
