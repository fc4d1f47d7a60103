import type { GatewayLoadBalancer } from '@slipway/infra-workload-identity';
import type { NodeProvisioning } from './node-provisioning.ts';

/**
 * The load balancer the edge proxies' `LoadBalancer` Service asks for: an NLB from the controller
 * this cluster runs (EKS Auto Mode's own, or the AWS Load Balancer Controller in Karpenter mode),
 * internet-facing, sending straight to pod IPs and keeping the client's address. The scheme is stated, not left to a default
 * (both controllers default to internal).
 *
 * @example
 * gatewayLoadBalancer('auto-mode').loadBalancerClass; // 'eks.amazonaws.com/nlb'
 */
export function gatewayLoadBalancer(provisioning: NodeProvisioning): GatewayLoadBalancer {
  return {
    loadBalancerClass:
      provisioning === 'auto-mode' ? 'eks.amazonaws.com/nlb' : 'service.k8s.aws/nlb',
    annotations: {
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      // IP targets hide the client's address by default; the gateway's per-client rate limit needs it.
      'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes':
        'preserve_client_ip.enabled=true',
    },
  };
}
