import { createHash } from 'node:crypto';
import {
  calleeUrl,
  type DataServiceKind,
  dataServiceKinds,
  dataServiceVariables,
  platformSetVariables,
  serviceEnvironment,
  telemetry,
} from '@slipway/platform-contract';
import {
  dataServiceSecrets,
  type Environment,
  resolveCallPolicies,
  resolveServiceConfig,
  type ServiceManifest,
} from '@slipway/service-manifest';
import type { ShutdownTiming } from './shutdown-timing.ts';

/** A service this one calls, as its URL needs it. */
export interface Callee {
  readonly name: string;
  readonly port: number;
}

/** What {@link buildServiceConfig} combines. */
export interface ServiceConfigInput {
  readonly manifest: ServiceManifest;
  readonly environment: Environment;
  readonly namespace: string;
  readonly callees: readonly Callee[];
  readonly timing: ShutdownTiming;
  /** Every secret mounted as a file ({@link mountedSecrets}); default: the manifest's. */
  readonly secrets?: readonly string[];
  /** The OpenTelemetry variables (`telemetryEnvironment`), when monitoring is on; default: none. */
  readonly tracing?: Readonly<Record<string, string>>;
}

/**
 * The secrets mounted in a service's pods, one file each: the manifest's own, then each data
 * service's URL and, when its server's CA is one Node does not trust, the CA certificate
 * (`dataServiceVariables`).
 * @example mountedSecrets(orders, { postgres: { caCertificate } }) // ['DATABASE_URL', 'DATABASE_CA_CERT']
 */
export function mountedSecrets(
  manifest: ServiceManifest,
  dataServices: Partial<Record<DataServiceKind, { readonly caCertificate?: unknown }>> = {},
): string[] {
  return [
    ...manifest.secrets,
    ...dataServiceKinds.flatMap((kind) => {
      const endpoint = dataServices[kind];
      if (!endpoint) return [];
      const { url, caCertificate } = dataServiceVariables[kind];
      return endpoint.caCertificate ? [url, caCertificate] : [url];
    }),
  ];
}

/**
 * The in-cluster base URL of a service: its Service's DNS name and port.
 * @example clusterServiceUrl('orders', 'slipway-dev', 3001) // 'http://orders.slipway-dev.svc.cluster.local:3001'
 */
export function clusterServiceUrl(name: string, namespace: string, port: number): string {
  return calleeUrl(name, port, {
    kind: 'cluster',
    namespace,
    shutdown: { drainMs: 0, timeoutMs: 0 },
  });
}

/**
 * The variables the platform sets itself, which a manifest's `config` must not set:
 * base config, one `<CALLEE>_URL` per call and one `<SECRET>_FILE` per secret, a declared data
 * service's (`DATABASE_URL_FILE`, `DATABASE_CA_CERT_FILE`...) included, and the OpenTelemetry
 * variables (`telemetry.variables`), reserved whether monitoring is on or not.
 * @example platformConfigKeys(orders) // ['DATABASE_CA_CERT_FILE', 'DATABASE_URL_FILE', 'NODE_ENV', ...]
 */
export function platformConfigKeys(manifest: ServiceManifest): string[] {
  const secrets = [...manifest.secrets, ...dataServiceSecrets(manifest).map((s) => s.name)];
  return [
    ...platformSetVariables({ ...manifest, secrets }, manifest.calls),
    ...Object.values(telemetry.variables),
  ];
}

/**
 * The ConfigMap data of a service in one environment: the platform contract's cluster
 * environment (the manifest's resolved config, then name, port, production mode, shutdown
 * timings aligned with the pod's grace period, callee URLs and call policies, secret file
 * paths) and, when monitoring is on, the OpenTelemetry variables; keys sorted.
 * @example buildServiceConfig({ manifest, environment: 'dev', namespace: 'slipway-dev', callees, timing })
 */
export function buildServiceConfig({
  manifest,
  environment,
  namespace,
  callees,
  timing,
  secrets = manifest.secrets,
  tracing = {},
}: ServiceConfigInput): Record<string, string> {
  const policies = resolveCallPolicies(manifest);
  const environmentData = serviceEnvironment({
    service: { ...manifest, secrets },
    callees: callees.map((callee) => ({ ...callee, policy: policies[callee.name] })),
    config: resolveServiceConfig(manifest, environment),
    target: {
      kind: 'cluster',
      namespace,
      shutdown: { drainMs: timing.drainMs, timeoutMs: timing.timeoutMs },
    },
  });
  return Object.fromEntries(
    Object.entries({ ...environmentData, ...tracing }).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * A SHA-256 of the config, for the pod template annotation that rolls pods when config changes.
 * @example configChecksum({ LOG_LEVEL: 'info' }) // 'a1b2…' (64 hex digits)
 */
export function configChecksum(data: Readonly<Record<string, string>>): string {
  const sorted = Object.entries(data).sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
