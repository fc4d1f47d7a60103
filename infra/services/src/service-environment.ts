import { createHash } from 'node:crypto';
import {
  secretMountPath as contractSecretMountPath,
  serviceUrl as contractServiceUrl,
  platformSetVariables,
  serviceEnvironment,
} from '@slipway/platform-contract';
import {
  type Environment,
  resolveServiceConfig,
  type ServiceManifest,
} from '@slipway/service-manifest';
import type { ShutdownTiming } from './shutdown-timing.ts';

/** Where a service's Secret is mounted (the platform contract's); each secret is one file named after it. */
export const secretMountPath = contractSecretMountPath;

/** A service this one calls, as its URL needs it. */
export interface Callee {
  readonly name: string;
  readonly port: number;
}

/** What {@link buildServiceConfig} combines. */
export interface ServiceEnvironmentInput {
  readonly manifest: ServiceManifest;
  readonly environment: Environment;
  readonly namespace: string;
  readonly callees: readonly Callee[];
  readonly timing: ShutdownTiming;
}

/**
 * The in-cluster base URL of a service: its Service's DNS name and port.
 * @example serviceUrl('orders', 'slipway-dev', 3001) // 'http://orders.slipway-dev.svc.cluster.local:3001'
 */
export function serviceUrl(name: string, namespace: string, port: number): string {
  return contractServiceUrl(name, port, {
    kind: 'cluster',
    namespace,
    shutdown: { drainMs: 0, timeoutMs: 0 },
  });
}

/**
 * The variables the platform sets itself, which a manifest's `config` must not set:
 * base config, one `<CALLEE>_URL` per call and one `<SECRET>_FILE` per secret.
 * @example platformConfigKeys(orders) // ['DATABASE_URL_FILE', 'NODE_ENV', 'PORT', ...]
 */
export function platformConfigKeys(manifest: ServiceManifest): string[] {
  return platformSetVariables(manifest, manifest.calls);
}

/**
 * The ConfigMap data of a service in one environment: the platform contract's cluster
 * environment (the manifest's resolved config, then name, port, production mode, shutdown
 * timings aligned with the pod's grace period, callee URLs, secret file paths), keys sorted.
 * @example buildServiceConfig({ manifest, environment: 'dev', namespace: 'slipway-dev', callees, timing })
 */
export function buildServiceConfig({
  manifest,
  environment,
  namespace,
  callees,
  timing,
}: ServiceEnvironmentInput): Record<string, string> {
  return serviceEnvironment({
    service: manifest,
    callees,
    config: resolveServiceConfig(manifest, environment),
    target: {
      kind: 'cluster',
      namespace,
      shutdown: { drainMs: timing.drainMs, timeoutMs: timing.timeoutMs },
    },
  });
}

/**
 * A SHA-256 of the config, for the pod template annotation that rolls pods when config changes.
 * @example configChecksum({ LOG_LEVEL: 'info' }) // 'a1b2…' (64 hex digits)
 */
export function configChecksum(data: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
