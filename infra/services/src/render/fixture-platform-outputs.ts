import type { PlatformGateway, PlatformOutputs } from '@slipway/infra-platform/outputs';

/**
 * A stand-in gateway for a namespace, shaped like Envoy Gateway's: the Gateway `public` with an
 * `https` listener in the namespace itself, proxies in `envoy-gateway-system` labelled with
 * their owning Gateway. Only what a render without a platform stack needs; never deployed.
 * @example fixtureGateway('slipway-dev').parentRef // { name: 'public', namespace: 'slipway-dev', sectionName: 'https' }
 */
export function fixtureGateway(namespace: string): PlatformGateway {
  return {
    parentRef: { name: 'public', namespace, sectionName: 'https' },
    dataPlane: {
      namespace: 'envoy-gateway-system',
      podLabels: {
        'gateway.envoyproxy.io/owning-gateway-name': 'public',
        'gateway.envoyproxy.io/owning-gateway-namespace': namespace,
      },
    },
  };
}

/**
 * Platform outputs for rendering without the platform stack: the given namespaces, each with a
 * {@link fixtureGateway}. Tests, the bench and (until it renders the platform program too)
 * `npm run render` use it; a deploy reads the real outputs through a StackReference.
 * @example await renderServices(manifests, config, fixturePlatformOutputs([config.namespace]));
 */
export function fixturePlatformOutputs(namespaces: readonly string[]): PlatformOutputs {
  return {
    namespaces: [...namespaces],
    gateways: Object.fromEntries(namespaces.map((n) => [n, fixtureGateway(n)])),
  };
}
