import type {
  PlatformGateway,
  PlatformMonitoring,
  PlatformOutputs,
} from '@slipway/infra-platform/outputs';
import { telemetry } from '@slipway/platform-contract';

/**
 * A stand-in gateway for a namespace, shaped like Envoy Gateway's: the Gateway `public` with an
 * `https` listener on `*.<domain>` in the namespace itself, proxies in `envoy-gateway-system`
 * labelled with their owning Gateway. For renders without the platform program (tests, the
 * bench); never deployed.
 * @example fixtureGateway('slipway-dev', 'dev.example.com').parentRef // { name: 'public', namespace: 'slipway-dev', sectionName: 'https' }
 */
export function fixtureGateway(namespace: string, domain: string): PlatformGateway {
  return {
    domain,
    parentRef: { name: 'public', namespace, sectionName: 'https' },
    dataPlane: {
      namespace: 'envoy-gateway-system',
      podLabels: {
        'gateway.envoyproxy.io/owning-gateway-name': 'public',
        'gateway.envoyproxy.io/owning-gateway-namespace': namespace,
      },
    },
    controller: 'envoy-gateway',
  };
}

/**
 * A stand-in monitoring stack, shaped like the platform's: the collector's pods in
 * `telemetry.namespace`, labelled as the OpenTelemetry Collector chart labels them. Never deployed.
 * @example fixtureMonitoring().namespace // 'monitoring'
 */
export function fixtureMonitoring(): PlatformMonitoring {
  return {
    namespace: telemetry.namespace,
    collectorPodLabels: {
      'app.kubernetes.io/name': 'opentelemetry-collector',
      'app.kubernetes.io/instance': telemetry.collector.service,
      component: 'standalone-collector',
    },
  };
}

/**
 * Platform outputs without the platform program: each namespace with its domain and a
 * {@link fixtureGateway}, and the {@link fixtureMonitoring} stack (on by default, as in the
 * platform's stack files; `{ monitoring: false }` for a platform without it). Tests and the bench
 * use it; `npm run render` renders the platform program itself, and a deploy reads the real
 * outputs through a StackReference.
 * @example await renderServices(manifests, config, fixturePlatformOutputs({ 'slipway-dev': 'dev.example.com' }));
 */
export function fixturePlatformOutputs(
  domains: Readonly<Record<string, string>>,
  { monitoring = true }: { readonly monitoring?: boolean } = {},
): PlatformOutputs {
  return {
    ...(monitoring ? { monitoring: fixtureMonitoring() } : {}),
    namespaces: Object.keys(domains),
    gateways: Object.fromEntries(
      Object.entries(domains).map(([namespace, domain]) => [
        namespace,
        fixtureGateway(namespace, domain),
      ]),
    ),
  };
}
