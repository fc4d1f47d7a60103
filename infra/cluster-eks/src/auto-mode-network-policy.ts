import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';

/**
 * Turns on NetworkPolicy enforcement on EKS Auto Mode. Auto Mode's nodes carry the network
 * policy agent, but the controller stays off until this ConfigMap exists, and until then every
 * NetworkPolicy is accepted and ignored. The built-in NodeClass already defaults to
 * `networkPolicy: DefaultAllow`, so no NodeClass of our own is needed.
 * https://docs.aws.amazon.com/eks/latest/userguide/auto-net-pol.html ("Step 1: Enable Network Policy Controller")
 *
 * @example
 * enableAutoModeNetworkPolicy('slipway-network-policy', { parent: this, provider });
 */
export function enableAutoModeNetworkPolicy(
  name: string,
  opts: pulumi.CustomResourceOptions,
): k8s.core.v1.ConfigMap {
  return new k8s.core.v1.ConfigMap(
    name,
    {
      metadata: { name: 'amazon-vpc-cni', namespace: 'kube-system' },
      data: { 'enable-network-policy-controller': 'true' },
    },
    opts,
  );
}
