import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';

/**
 * The edge proxies' load balancer on AKS: no class, so the Azure cloud provider AKS runs builds a
 * Standard Load Balancer; the scheme is stated (public) rather than left to its default. No health
 * probe annotation: the proxies' Service has `externalTrafficPolicy: Local`, for which the cloud
 * provider always probes the node's health check port over HTTP at `/healthz` (answered by Cilium,
 * AKS's kube-proxy replacement, while the node holds a ready proxy) and ignores a request path.
 * Envoy's own listeners would answer `/`, the default path of a `Cluster` service, with 404.
 *
 * @example export const gatewayLoadBalancer = aksGatewayLoadBalancer;
 */
export const aksGatewayLoadBalancer: GatewayLoadBalancer = {
  annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' },
};
