import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';

/** What a stack's config may change of the cluster's load balancer. */
export interface LoadBalancerOverrides {
  /** `gateway.envoyGateway.serviceAnnotations`: each key wins over the cluster's. */
  readonly serviceAnnotations?: Readonly<Record<string, string>>;
  /** `gateway.envoyGateway.loadBalancerClass`: wins over the cluster's class. */
  readonly loadBalancerClass?: string;
}

/**
 * The proxies' LoadBalancer Service settings: the cluster program's `gatewayLoadBalancer`
 * (the class and annotations of the controller that cluster runs), then the stack's overrides,
 * key by key. Without a cluster stack, only the overrides.
 *
 * @example
 * proxyLoadBalancer({ loadBalancerClass: 'eks.amazonaws.com/nlb', annotations: {} }, { serviceAnnotations: { a: 'b' } });
 * // { loadBalancerClass: 'eks.amazonaws.com/nlb', annotations: { a: 'b' } }
 */
export function proxyLoadBalancer(
  cluster: GatewayLoadBalancer | undefined,
  overrides: LoadBalancerOverrides,
): GatewayLoadBalancer {
  const loadBalancerClass = overrides.loadBalancerClass ?? cluster?.loadBalancerClass;
  return {
    ...(loadBalancerClass ? { loadBalancerClass } : {}),
    annotations: { ...cluster?.annotations, ...overrides.serviceAnnotations },
  };
}
