import { describe, expect, it } from 'vitest';
import { proxyLoadBalancer } from './gateway-load-balancer.ts';

const eksAutoMode = {
  loadBalancerClass: 'eks.amazonaws.com/nlb',
  annotations: {
    'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
    'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
  },
};

describe('proxyLoadBalancer', () => {
  it("takes the cluster's class and annotations as they are without overrides", () => {
    expect(proxyLoadBalancer(eksAutoMode, {})).toEqual(eksAutoMode);
  });

  it("lets a stack's annotation win per key and keeps the cluster's others", () => {
    const merged = proxyLoadBalancer(eksAutoMode, {
      serviceAnnotations: {
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
        'example.com/extra': 'yes',
      },
    });
    expect(merged.annotations).toEqual({
      'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
      'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
      'example.com/extra': 'yes',
    });
    expect(merged.loadBalancerClass).toBe('eks.amazonaws.com/nlb');
  });

  it("lets a stack's loadBalancerClass win over the cluster's", () => {
    expect(
      proxyLoadBalancer(eksAutoMode, { loadBalancerClass: 'service.k8s.aws/nlb' })
        .loadBalancerClass,
    ).toBe('service.k8s.aws/nlb');
  });

  it('sets no class when neither the cluster nor the stack names one (the cloud default controller)', () => {
    expect(proxyLoadBalancer({ annotations: {} }, {})).toEqual({ annotations: {} });
    expect(proxyLoadBalancer(undefined, { serviceAnnotations: { a: 'b' } })).toEqual({
      annotations: { a: 'b' },
    });
  });
});
