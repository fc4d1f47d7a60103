import { fileURLToPath } from 'node:url';
import * as pulumi from '@pulumi/pulumi';
import { readClusterStack } from '@slipway/infra-workload-identity';
import { serviceManifestPath } from '@slipway/platform-contract';
import { formatProblem, loadServiceManifests, manifestWarnings } from '@slipway/service-manifest';
import { deployServices } from './deploy-services.ts';
import { readPlatformOutputs } from './platform-stack.ts';
import { readStackConfig } from './stack-config.ts';

// Infra reads the manifests, never the services' code.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const manifests = loadServiceManifests(repoRoot);
const located = manifests.map((manifest) => ({
  manifest,
  file: serviceManifestPath(manifest.name),
}));
// Legal but too open (egress wider than /16): shown in every preview, never blocking.
for (const warning of manifestWarnings(located)) pulumi.log.warn(formatProblem(warning));
const config = readStackConfig();
// Read before any service resource, so a missing gateway fails the plan, not the apply.
const platform = config.platformStack ? await readPlatformOutputs(config.platformStack) : undefined;
// Read before any service resource: which cloud resources each service's identity and data
// services need depends on the cloud.
const cluster = await readClusterStack(config.clusterStack);
const deployed = deployServices(manifests, config, platform, cluster ? { cluster } : {});

/** The namespace the services run in. */
export const namespace = deployed.namespace;
/** Per service: its in-cluster URL and, when public, its public URL. */
export const services = Object.fromEntries(
  Object.entries(deployed.services).map(([name, service]) => [
    name,
    { url: service.url, publicUrl: service.publicUrl },
  ]),
);
/**
 * Per service: the principal IAM grants name (IAM role ARN, GCP principal, Azure principal id),
 * when the cluster has workload identity; see docs/clusters/workload-identity.md.
 */
export const identities = Object.fromEntries(
  Object.entries(deployed.services).flatMap(([name, service]) =>
    service.identity ? [[name, service.identity.principal]] : [],
  ),
);
/**
 * Per service: its data services, kind → what serves it (`Amazon RDS for PostgreSQL 17 …`, or
 * `existing server` when the stack config names one); see docs/adding-a-database.md.
 */
export const dataServices = Object.fromEntries(
  Object.entries(deployed.dataServices).map(([name, endpoints]) => [
    name,
    Object.fromEntries(
      Object.entries(endpoints).map(([kind, endpoint]) => [kind, endpoint.offering]),
    ),
  ]),
);
/** A pull request's preview: its number and expiry (`npm run preview -- gc` reads it); absent otherwise. */
export const preview = deployed.preview;
