import type { ServiceManifest } from '@slipway/service-manifest';
import { clusterEnvNames } from '../cluster-env.ts';
import { kindE2e } from './kind-e2e-settings.ts';

/**
 * The platform stack on kind: the real Envoy Gateway (its charts are reachable on GitHub) with a
 * Gateway for the e2e namespace; cert-manager off (Let's Encrypt cannot reach a runner; the run
 * installs the listener's certificate), Velero off (no object storage) and the monitoring stack
 * off (not what the e2e exercises).
 * @example cli.setConfig(cliConfig(kindPlatformConfig(), 'slipway-platform'));
 */
export function kindPlatformConfig(): Record<string, unknown> {
  return {
    // The stack (e2e) is not named after an environment: dev's profile, as the services stack's.
    environment: 'dev',
    namespaces: [kindE2e.namespace],
    kubeContext: `kind-${kindE2e.cluster}`,
    gateway: { domains: { [kindE2e.namespace]: kindE2e.domain } },
    certManager: { enabled: false },
    backups: { enabled: false },
    // The collection stack is not what the e2e exercises; its images would double the pull.
    monitoring: { enabled: false },
    // The images are built on the runner and loaded into kind: no registry, no attestation.
    admission: { enabled: false },
  };
}

/**
 * The run's PostgreSQL as the existing server of a declared `postgres` (there is no cloud to
 * provision one on kind): its URL, and its host's address as the one CIDR egress may reach.
 * @throws Error when the URL's host is not an IPv4 address (a NetworkPolicy matches addresses).
 * @example existingPostgres('postgres://u:p@10.0.20.100:5432/db') // { url, cidr: '10.0.20.100/32', port: 5432 }
 */
export function existingPostgres(databaseUrl: string): { url: string; cidr: string; port: number } {
  const { hostname, port } = new URL(databaseUrl);
  if (!/^(\d{1,3}\.){3}\d{1,3}$/.test(hostname))
    throw new Error(
      `${clusterEnvNames.e2eDatabaseUrl} must name its server by IPv4 address (the egress rule allows that address alone), not '${hostname}'`,
    );
  return { url: databaseUrl, cidr: `${hostname}/32`, port: port ? Number(port) : 5432 };
}

/**
 * The services stack on kind: the images loaded into kind, the platform stack for the gateway,
 * each declared secret and each declared data service's existing server. Only a `postgres` has
 * one here (the run's PostgreSQL): no manifest secret, and no cache.
 * @throws Error naming a secret or data service the run has no value for.
 * @example kindServicesConfig(manifests, images, 'organization/slipway-platform/e2e', databaseUrl)
 */
export function kindServicesConfig(
  manifests: readonly ServiceManifest[],
  images: Readonly<Record<string, string>>,
  platformStack: string,
  databaseUrl: string | undefined,
): { readonly plain: Record<string, unknown>; readonly secrets: Record<string, string> } {
  // By config path (`dataServices.<service>.postgres.url`), as `pulumi config set --secret --path` takes them.
  const secrets: Record<string, string> = {};
  const dataServices: Record<string, { postgres: { cidr: string; port: number } }> = {};
  for (const manifest of manifests) {
    const [secret] = manifest.secrets;
    if (secret)
      throw new Error(`the kind e2e has no value for ${manifest.name}'s secret ${secret}`);
    if (manifest.cache)
      throw new Error(`the kind e2e has no cache server for ${manifest.name}'s declared cache`);
    if (!manifest.postgres) continue;
    if (!databaseUrl)
      throw new Error(
        `${manifest.name} declares postgres: set ${clusterEnvNames.e2eDatabaseUrl} to the run's PostgreSQL`,
      );
    const { url, cidr, port } = existingPostgres(databaseUrl);
    dataServices[manifest.name] = { postgres: { cidr, port } };
    secrets[`dataServices.${manifest.name}.postgres.url`] = url;
  }
  return {
    plain: {
      namespace: kindE2e.namespace,
      environment: 'dev',
      platformStack,
      images,
      dataServices,
    },
    secrets,
  };
}
