import { loopbackHost, platformVariables, serviceEnvironment } from '@slipway/platform-contract';
import {
  resolveCallPolicies,
  resolveServiceConfig,
  type ServiceManifest,
} from '@slipway/service-manifest';
import { devMetricsPort } from './dev-metrics-port.ts';

/**
 * The environment a service runs with under `npm run dev`: the platform contract's local
 * environment (its manifest's `dev` config, then its name, loopback host and port, no shutdown
 * drain, `LOG_LEVEL=info` over the manifest's so the probe requests slipway-dev makes, logged at
 * debug, stay out of the terminal, `<CALLEE>_URL` pointing at each callee's local port and
 * `<CALLEE>_CALL_POLICY` from the manifest's `calls`),
 * `METRICS_PORT` of its own (`devMetricsPort`, as the services share the machine), then `extra`
 * (the `--env` flags of slipway-dev). Variables already set in `overrides` (your
 * shell) win, so `PORT=4000 npm run dev` works — except `HOST`: the service listens on loopback
 * whatever the shell exports, and only `extra` (`--env HOST=...`) moves it.
 * @throws Error when a callee has no manifest, or the default metrics port is unusable
 *   (`devMetricsPort`) and neither `extra` nor `overrides` sets `METRICS_PORT`.
 * @example const env = createDevEnvironment(orders, catalog, process.env, { PGLITE_DATA_DIR: '.data' });
 */
export function createDevEnvironment(
  service: ServiceManifest,
  catalog: readonly ServiceManifest[],
  overrides: Readonly<Record<string, string | undefined>> = {},
  extra: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const ports = new Map(catalog.map((manifest) => [manifest.name, manifest.port]));
  const policies = resolveCallPolicies(service);
  const callees = service.calls.map((callee) => {
    const port = ports.get(callee);
    if (port === undefined) {
      throw new Error(`service '${service.name}' calls '${callee}', which has no manifest`);
    }
    return { name: callee, port, policy: policies[callee] };
  });
  const defined = Object.entries(overrides).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  const { host, metricsPort } = platformVariables;
  const metricsPortGiven = extra[metricsPort] ?? overrides[metricsPort];
  return {
    ...serviceEnvironment({
      service,
      callees,
      config: resolveServiceConfig(service, 'dev'),
      target: { kind: 'local' },
    }),
    [metricsPort]: metricsPortGiven ?? String(devMetricsPort(service, catalog)),
    ...extra,
    ...Object.fromEntries(defined),
    // Shells and dev containers export HOST for their own reasons (tcsh sets it to the machine's
    // name, some images to 0.0.0.0): taken from there, it would put a laptop's dev services on
    // its network. Listening elsewhere takes a deliberate --env HOST=<address>.
    [host]: extra[host] ?? loopbackHost,
  };
}
