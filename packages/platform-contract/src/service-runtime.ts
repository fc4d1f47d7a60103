import { productNames } from './product-names.ts';
import { type CallPolicy, callPolicyDefaults, callPolicyVariable } from './resilience.ts';

/**
 * The variables the platform sets in every service's environment, by what they mean. The
 * config package reads them, the dev runner and infra write them: one spelling for all three.
 */
export const platformVariables = {
  serviceName: 'SERVICE_NAME',
  nodeEnv: 'NODE_ENV',
  host: 'HOST',
  port: 'PORT',
  metricsPort: 'METRICS_PORT',
  logLevel: 'LOG_LEVEL',
  shutdownDrainMs: 'SHUTDOWN_DRAIN_MS',
  shutdownTimeoutMs: 'SHUTDOWN_TIMEOUT_MS',
  keepAliveTimeoutMs: 'KEEP_ALIVE_TIMEOUT_MS',
  bodyLimitBytes: 'BODY_LIMIT_BYTES',
} as const;

/** One of {@link platformVariables}' names. */
export type PlatformVariable = (typeof platformVariables)[keyof typeof platformVariables];

/**
 * The suffix of a variable that names a file holding the value instead: `<NAME>_FILE`.
 * @example `DATABASE_URL${secretFileSuffix}` // 'DATABASE_URL_FILE'
 */
export const secretFileSuffix = '_FILE';

/**
 * The `<NAME>_FILE` variable that points the config package at a mounted secret.
 * @example secretFileVariable('DATABASE_URL') // 'DATABASE_URL_FILE'
 */
export function secretFileVariable(name: string): string {
  return `${name}${secretFileSuffix}`;
}

/**
 * The variable that carries a callee's base URL: `orders` → `ORDERS_URL`,
 * `user-profile` → `USER_PROFILE_URL`.
 * @example serviceUrlVariable('user-profile') // 'USER_PROFILE_URL'
 */
export function serviceUrlVariable(serviceName: string): string {
  return `${serviceName.toUpperCase().replaceAll('-', '_')}_URL`;
}

/**
 * The header that carries a request's remaining deadline, in whole milliseconds, from a caller
 * to the service it calls: relative, not a clock time, so clock skew between hosts cannot
 * shorten or stretch it. The service client sends it; the service kit reads it.
 * @example fetch(url, { headers: { [requestDeadlineHeader]: '2500' } });
 */
export const requestDeadlineHeader = 'x-request-deadline-ms';

/**
 * Where a service's Secret is mounted in its container; each secret is one file named after it.
 * @example `${secretMountPath}/DATABASE_URL` // '/var/run/secrets/slipway/DATABASE_URL'
 */
export const secretMountPath = productNames.secretMountRoot;

/**
 * The paths every service serves: the service kit serves them, the dev runner waits on the
 * readiness one, the cluster probes them.
 * @example await fetch(`http://127.0.0.1:3001${serverPaths.readiness}`);
 */
export const serverPaths = {
  /** The liveness probe: the process is alive. */
  liveness: '/livez',
  /** The readiness probe: the service takes traffic (its dependencies answer). */
  readiness: '/readyz',
  /** The startup probe: the service has finished starting. */
  startup: '/startupz',
  /** The OpenAPI document of the service's API. */
  openApi: '/openapi.json',
  /** The browsable API reference, when the service serves it (in development by default). */
  apiReference: '/docs',
} as const;

/** The name of a service's API port, in its container, its Service and its network policies. */
export const servicePortName = 'http';

/**
 * Where a service serves its Prometheus metrics: a listener of its own, apart from the API port,
 * so that no Service port, HTTPRoute or caller reaches them (metrics name routes, versions and
 * load). The service kit serves them here, the cluster sets `METRICS_PORT` and the container port,
 * and NetworkPolicies admit the scraper's namespace, and nothing else, to it.
 * @example await fetch(`http://127.0.0.1:${metricsEndpoint.port}${metricsEndpoint.path}`);
 */
export const metricsEndpoint = {
  /** The port in a cluster (each pod has its own; 9464 is OpenTelemetry's Prometheus exporter's). */
  port: 9464,
  /** The name of the container port, as NetworkPolicies and scrape configs name it. */
  portName: 'metrics',
  /** The path Prometheus scrapes, on the metrics port only. */
  path: '/metrics',
  /** The namespace whose pods (Prometheus) may scrape; install the scraper there. */
  scraperNamespace: 'monitoring',
} as const;

/**
 * The loopback address, where `npm run dev` serves every service (and calls them) and tests
 * listen: reachable from the machine itself only.
 * @example await startService(service, { port: 0, host: loopbackHost });
 */
export const loopbackHost = '127.0.0.1';

/** The log level local services run with unless the shell or `--env` sets `LOG_LEVEL`. */
export const localLogLevel = 'info';

/** Where a service runs: on this machine (`npm run dev`), or in a cluster namespace. */
export type RuntimeTarget =
  | { readonly kind: 'local' }
  | {
      readonly kind: 'cluster';
      readonly namespace: string;
      /** Shutdown settings aligned with the pod's termination grace period. */
      readonly shutdown: { readonly drainMs: number; readonly timeoutMs: number };
    };

/** A service as its environment needs it. */
export interface RuntimeService {
  readonly name: string;
  readonly port: number;
  /** Names of the secrets mounted as files (`<NAME>_FILE` in a cluster). */
  readonly secrets: readonly string[];
}

/** What {@link serviceEnvironment} combines. */
export interface ServiceEnvironmentInput {
  readonly service: RuntimeService;
  /** The services it calls, with their ports and call policies (default: `callPolicyDefaults`). */
  readonly callees: readonly {
    readonly name: string;
    readonly port: number;
    readonly policy?: CallPolicy;
  }[];
  /** The service's own config for this environment (its manifest's `config`). */
  readonly config?: Readonly<Record<string, string>>;
  readonly target: RuntimeTarget;
}

/**
 * A callee's base URL from where the caller runs: its loopback port locally, its Service's
 * DNS name in a cluster.
 * @example calleeUrl('orders', 3001, { kind: 'local' }) // 'http://127.0.0.1:3001'
 */
export function calleeUrl(name: string, port: number, target: RuntimeTarget): string {
  return target.kind === 'local'
    ? `http://${loopbackHost}:${port}`
    : `http://${name}.${target.namespace}.svc.cluster.local:${port}`;
}

/**
 * The environment of a service on a target: its config, then what the platform sets (name,
 * port, mode, shutdown timing, one `<CALLEE>_URL` and `<CALLEE>_CALL_POLICY` (JSON) per callee
 * and, in a cluster, the metrics port
 * and one `<SECRET>_FILE` per mounted secret). Locally it listens on loopback, logs at info and
 * stops at once (no load balancer drains a laptop); its metrics port is the dev runner's to
 * give, one per service, since they share the machine. Keys are sorted, so renders are stable.
 * @example serviceEnvironment({ service: gateway, callees: [{ name: 'orders', port: 3001 }], target: { kind: 'local' } }).ORDERS_URL // 'http://127.0.0.1:3001'
 */
export function serviceEnvironment({
  service,
  callees,
  config = {},
  target,
}: ServiceEnvironmentInput): Record<string, string> {
  const v = platformVariables;
  const platform: Record<string, string> =
    target.kind === 'local'
      ? {
          [v.nodeEnv]: 'development',
          [v.host]: loopbackHost,
          [v.logLevel]: localLogLevel,
          [v.shutdownDrainMs]: '0',
        }
      : {
          [v.nodeEnv]: 'production',
          [v.metricsPort]: String(metricsEndpoint.port),
          [v.shutdownDrainMs]: String(target.shutdown.drainMs),
          [v.shutdownTimeoutMs]: String(target.shutdown.timeoutMs),
        };
  const data: Record<string, string> = {
    ...config,
    [v.serviceName]: service.name,
    [v.port]: String(service.port),
    ...platform,
  };
  for (const callee of callees) {
    data[serviceUrlVariable(callee.name)] = calleeUrl(callee.name, callee.port, target);
    data[callPolicyVariable(callee.name)] = JSON.stringify(callee.policy ?? callPolicyDefaults);
  }
  if (target.kind === 'cluster') {
    for (const secret of service.secrets) {
      data[secretFileVariable(secret)] = `${secretMountPath}/${secret}`;
    }
  }
  return Object.fromEntries(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The variables the platform sets itself in a cluster, which a service's own config must not set.
 * @example platformSetVariables(orders, ['gateway']) // ['DATABASE_URL_FILE', 'GATEWAY_URL', 'NODE_ENV', ...]
 */
export function platformSetVariables(
  service: RuntimeService,
  callees: readonly string[],
): string[] {
  return Object.keys(
    serviceEnvironment({
      service,
      callees: callees.map((name) => ({ name, port: 0 })),
      target: { kind: 'cluster', namespace: 'x', shutdown: { drainMs: 0, timeoutMs: 0 } },
    }),
  );
}
