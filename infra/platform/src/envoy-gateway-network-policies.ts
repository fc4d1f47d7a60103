import { servicePortName } from '@slipway/platform-contract';
import type { AddonNetworkAccess } from './addon-network-policies.ts';
import { gatewayListenerPorts } from './gateway-specs.ts';
import {
  type AddonWorkload,
  namespaceNamed,
  podsOf,
  policyFor,
  scraperIngress,
  tcp,
} from './network-policy-peers.ts';

// Pod labels of Envoy Gateway v1.9.1 (versions.ts): the controller's from the gateway-helm chart
// (templates/envoy-gateway-deployment.yaml: `control-plane` and the chart's selector labels, its
// name `gateway-helm` and the release's name), the certgen hook Job's (`app: certgen`), and the
// proxies' as the controller creates them (internal/infrastructure/kubernetes/proxy).

/** The Envoy Gateway controller. */
export const envoyGatewayController = {
  name: 'envoy-gateway',
  podLabels: {
    'control-plane': 'envoy-gateway',
    'app.kubernetes.io/name': 'gateway-helm',
    'app.kubernetes.io/instance': 'envoy-gateway',
  },
} as const satisfies AddonWorkload;

/** The chart's pre-install Job that writes the controller's and proxies' TLS certificates. */
export const envoyGatewayCertgen = {
  name: 'envoy-gateway-certgen',
  podLabels: { app: 'certgen' },
} as const satisfies AddonWorkload;

/** Every Gateway's Envoy proxies. */
export const envoyProxies = {
  name: 'envoy-proxy',
  podLabels: {
    'app.kubernetes.io/name': 'envoy',
    'app.kubernetes.io/component': 'proxy',
    'app.kubernetes.io/managed-by': 'envoy-gateway',
  },
} as const satisfies AddonWorkload;

/** The controller's ports (chart values `deployment.ports`, and its webhook server). */
const controllerPorts = { xds: 18000, metrics: 19001, webhook: 9443 } as const;
/** Envoy's admin-side ports on the proxy pods. */
const proxyPorts = { metrics: 19001 } as const;

/**
 * The port Envoy listens on inside the pod for a Gateway listener port: Envoy Gateway shifts a
 * privileged port (below 1024) up by 10000 so the proxy runs without NET_BIND_SERVICE.
 *
 * @example
 * envoyContainerPort(443); // 10443
 */
export function envoyContainerPort(listenerPort: number): number {
  return listenerPort < 1024 ? listenerPort + 10000 : listenerPort;
}

/**
 * What envoy-gateway-system allows. The proxies: the internet in on their listeners' container
 * ports (the load balancer keeps the client's address), the scraper on metrics; out to the
 * environment namespaces' pods on their `http` port (each service's own ingress policy still
 * decides) and to the controller's xDS port. The controller: the proxies in on xDS, the API
 * server in on its webhook port (proxy topology; the API server calls from addresses no selector
 * names, so any source, that port only), the scraper on metrics; out to the API server, as the
 * certgen Job does.
 *
 * @example
 * envoyGatewayNetworkAccess(['slipway-dev']);
 */
export function envoyGatewayNetworkAccess(
  environmentNamespaces: readonly string[],
): AddonNetworkAccess {
  const listenerPorts = Object.values(gatewayListenerPorts).map(envoyContainerPort);
  return {
    apiServerClients: [envoyGatewayController, envoyGatewayCertgen],
    policies: [
      {
        name: `${envoyProxies.name}-ingress`,
        spec: policyFor(envoyProxies, {
          ingress: [{ ports: tcp(...listenerPorts) }, scraperIngress(proxyPorts.metrics)],
        }),
      },
      {
        name: `${envoyProxies.name}-egress`,
        spec: policyFor(envoyProxies, {
          egress: [
            ...environmentNamespaces.map((namespace) => ({
              to: [namespaceNamed(namespace)],
              ports: tcp(servicePortName),
            })),
            { to: [podsOf(envoyGatewayController)], ports: tcp(controllerPorts.xds) },
          ],
        }),
      },
      {
        name: `${envoyGatewayController.name}-ingress`,
        spec: policyFor(envoyGatewayController, {
          ingress: [
            { from: [podsOf(envoyProxies)], ports: tcp(controllerPorts.xds) },
            { ports: tcp(controllerPorts.webhook) },
            scraperIngress(controllerPorts.metrics),
          ],
        }),
      },
    ],
  };
}
