import {
  clusterOutputNames,
  type GatewayLoadBalancer,
  type WorkloadIdentity,
} from './cluster-outputs.ts';

/** The fields each cloud's identity carries, all non-empty strings. */
const fieldsByCloud = {
  aws: ['clusterName', 'region'],
  gcp: ['project', 'projectNumber', 'workloadPool'],
  azure: ['oidcIssuerUrl', 'resourceGroupName', 'location'],
} as const satisfies { [C in WorkloadIdentity['cloud']]: readonly string[] };

/**
 * Checks a cluster stack's `workloadIdentity` output against {@link WorkloadIdentity}, since a
 * StackReference returns untyped values: a cluster stack of another version fails here, by name.
 * @throws Error naming the stack, what is wrong and the fix.
 * @example workloadIdentityFrom({ cloud: 'aws', clusterName: 'slipway-dev', region: 'eu-west-1' }, 'acme/slipway-cluster-eks/dev')
 */
export function workloadIdentityFrom(value: unknown, clusterStack: string): WorkloadIdentity {
  const output = `stack ${clusterStack}'s output '${clusterOutputNames.workloadIdentity}'`;
  if (value === undefined || value === null) {
    throw new Error(
      `${output} is missing: run pulumi up on the cluster stack with the current cluster program, or unset clusterStack for a cluster without cloud identity (kind)`,
    );
  }
  const record = typeof value === 'object' && !Array.isArray(value) ? value : {};
  const { cloud } = record as { cloud?: unknown };
  if (typeof cloud !== 'string' || !Object.hasOwn(fieldsByCloud, cloud)) {
    throw new Error(
      `${output} has cloud ${JSON.stringify(cloud)}, not one of ${Object.keys(fieldsByCloud).join(', ')}: update the cluster stack (pulumi up) or this program`,
    );
  }
  const fields: readonly string[] = fieldsByCloud[cloud as WorkloadIdentity['cloud']];
  const missing = fields.filter((field) => {
    const text = (record as Record<string, unknown>)[field];
    return typeof text !== 'string' || text === '';
  });
  if (missing.length > 0) {
    throw new Error(
      `${output} lacks ${missing.join(', ')} for ${cloud}: run pulumi up on the cluster stack with the current cluster program`,
    );
  }
  return Object.fromEntries(
    ['cloud', ...fields].map((field) => [field, (record as Record<string, unknown>)[field]]),
  ) as WorkloadIdentity;
}

/**
 * Checks a cluster stack's `gatewayLoadBalancer` output against {@link GatewayLoadBalancer}.
 * @throws Error naming the stack and the fix.
 * @example gatewayLoadBalancerFrom({ annotations: {} }, 'acme/slipway-cluster-gke/dev')
 */
export function gatewayLoadBalancerFrom(value: unknown, clusterStack: string): GatewayLoadBalancer {
  const record = typeof value === 'object' && value !== null ? value : {};
  const { loadBalancerClass, annotations } = record as Record<string, unknown>;
  const valid =
    (loadBalancerClass === undefined || typeof loadBalancerClass === 'string') &&
    typeof annotations === 'object' &&
    annotations !== null &&
    Object.values(annotations).every((text) => typeof text === 'string');
  if (!valid) {
    throw new Error(
      `stack ${clusterStack} exports no valid ${clusterOutputNames.gatewayLoadBalancer} ({ loadBalancerClass?, annotations }): run pulumi up on the cluster stack with the current cluster program`,
    );
  }
  return {
    ...(loadBalancerClass === undefined ? {} : { loadBalancerClass: loadBalancerClass as string }),
    annotations: annotations as Record<string, string>,
  };
}
