import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { readClusterEnv } from '../cluster-env.ts';

/** The names the kind end-to-end run uses, each stated once (the workflow passes only the cluster name). */
export const kindE2e = {
  /** `kind create cluster --name`; its kube context is `kind-<name>`. */
  cluster: 'slipway-e2e',
  namespace: 'slipway-e2e',
  /** The environment's domain: the gateway service answers on `gateway.<domain>`. */
  domain: 'e2e.slipway.test',
  stack: 'e2e',
  /** Images are built as `<registry>/<service>:<tag>` and loaded into kind, never pushed. */
  registry: 'slipway.test',
  /** Where Envoy Gateway runs the proxies (its chart's namespace). */
  proxyNamespace: 'envoy-gateway-system',
} as const;

/** Folders and values of one run, from the environment. */
export interface KindE2eRun {
  /** Throwaway Pulumi state, passphrase and certificates. */
  readonly dir: string;
  readonly kubeconfig: string;
  readonly databaseUrl?: string;
}

/**
 * The run's settings: `SLIPWAY_E2E_DIR` (default a folder in the temp dir, so workflow steps
 * share it), the ambient kubeconfig kind wrote, and the database URL for orders.
 * @example const run = kindE2eRun();
 */
export function kindE2eRun(): KindE2eRun {
  const env = readClusterEnv();
  return {
    dir: env.e2eDir ?? join(tmpdir(), 'slipway-kind-e2e'),
    kubeconfig: env.ambientKubeconfig ?? join(homedir(), '.kube', 'config'),
    ...(env.e2eDatabaseUrl ? { databaseUrl: env.e2eDatabaseUrl } : {}),
  };
}

/** The image of a service at a tag, as built and loaded into kind. */
export function kindImage(service: string, tag: string): string {
  return `${kindE2e.registry}/${service}:${tag}`;
}
