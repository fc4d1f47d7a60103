import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';

/**
 * The edge proxies' Service on GKE: GKE's own L4 controller builds a regional external
 * passthrough Network Load Balancer backed by a regional backend service with `GCE_VM_IP`
 * NEG backends (the class needs GKE 1.33.1-gke.1779000 or later; the version floor is above
 * it). The class says "external" in its name, so the scheme is explicit; the older
 * `cloud.google.com/l4-rbs: enabled` annotation asks for the same load balancer without NEGs.
 * @example new k8s.core.v1.Service('envoy', { spec: { type: 'LoadBalancer', loadBalancerClass: gkeGatewayLoadBalancer.loadBalancerClass } });
 */
export const gkeGatewayLoadBalancer: GatewayLoadBalancer = {
  loadBalancerClass: 'networking.gke.io/l4-regional-external',
  annotations: {},
};
