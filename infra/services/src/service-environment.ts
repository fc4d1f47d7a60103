import { createHash } from 'node:crypto';
import {
  type Environment,
  resolveServiceConfig,
  type ServiceManifest,
  serviceUrlVariable,
} from '@slipway/service-manifest';
import type { ShutdownTiming } from './shutdown-timing.js';

/** Where a service's Secret is mounted; each secret is one file named after it. */
export const secretMountPath = '/var/run/secrets/slipway';

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
  return `http://${name}.${namespace}.svc.cluster.local:${port}`;
}

/**
 * The `<NAME>_FILE` variable that points the config package at a mounted secret.
 * @example secretFileVariable('DATABASE_URL') // 'DATABASE_URL_FILE'
 */
export function secretFileVariable(secretName: string): string {
  return `${secretName}_FILE`;
}

/**
 * The variables the platform sets itself, which a manifest's `config` must not set:
 * base config, one `<CALLEE>_URL` per call and one `<SECRET>_FILE` per secret.
 * @example platformConfigKeys(orders) // ['SERVICE_NAME', 'PORT', ..., 'DATABASE_URL_FILE']
 */
export function platformConfigKeys(manifest: ServiceManifest): string[] {
  return [
    'SERVICE_NAME',
    'PORT',
    'NODE_ENV',
    'SHUTDOWN_DRAIN_MS',
    'SHUTDOWN_TIMEOUT_MS',
    ...manifest.calls.map(serviceUrlVariable),
    ...manifest.secrets.map(secretFileVariable),
  ];
}

/**
 * The ConfigMap data of a service in one environment: the manifest's resolved config, then
 * the platform's variables (name, port, production mode, shutdown timings aligned with the
 * pod's grace period, callee URLs, secret file paths). Keys are sorted so renders are stable.
 * @example buildServiceConfig({ manifest, environment: 'dev', namespace: 'slipway-dev', callees, timing })
 */
export function buildServiceConfig({
  manifest,
  environment,
  namespace,
  callees,
  timing,
}: ServiceEnvironmentInput): Record<string, string> {
  const data: Record<string, string> = {
    ...resolveServiceConfig(manifest, environment),
    SERVICE_NAME: manifest.name,
    PORT: String(manifest.port),
    NODE_ENV: 'production',
    SHUTDOWN_DRAIN_MS: String(timing.drainMs),
    SHUTDOWN_TIMEOUT_MS: String(timing.timeoutMs),
  };
  for (const callee of callees) {
    data[serviceUrlVariable(callee.name)] = serviceUrl(callee.name, namespace, callee.port);
  }
  for (const secret of manifest.secrets) {
    data[secretFileVariable(secret)] = `${secretMountPath}/${secret}`;
  }
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * A SHA-256 of the config, for the pod template annotation that rolls pods when config changes.
 * @example configChecksum({ LOG_LEVEL: 'info' }) // 'a1b2…' (64 hex digits)
 */
export function configChecksum(data: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
