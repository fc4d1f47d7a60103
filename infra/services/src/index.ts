import { fileURLToPath } from 'node:url';
import { loadServiceManifests } from '@slipway/service-manifest';
import { deployServices } from './deploy-services.js';
import { readStackConfig } from './stack-config.js';

// Infra reads the manifests, never the services' code.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const deployed = deployServices(loadServiceManifests(repoRoot), readStackConfig());

/** The namespace the services run in. */
export const namespace = deployed.namespace;
/** Per service: its in-cluster URL and, when public, its public URL. */
export const services = Object.fromEntries(
  Object.entries(deployed.services).map(([name, service]) => [
    name,
    { url: service.url, publicUrl: service.publicUrl },
  ]),
);
