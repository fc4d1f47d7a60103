import type { NodePlopAPI } from 'node-plop';
import { readRepoCatalog } from '@slipway/generators';
import { initGenerator } from './src/init-generator.ts';
import { registerActions } from './src/plop-actions.ts';

/**
 * The init generator alone: `npm run init` loads this file; the destination base path is the
 * repository root.
 * @example npm run init -- --scope @acme --registry ghcr.io/acme --cloud aws
 */
export default function plopfile(plop: NodePlopAPI): void {
  const catalog = readRepoCatalog(plop.getDestBasePath());
  registerActions(plop);
  plop.setGenerator('init', initGenerator(catalog));
}
