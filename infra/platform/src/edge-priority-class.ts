import { productNames } from '@slipway/platform-contract';

/** The PriorityClass of the edge: Envoy Gateway's controller and every Gateway's proxies. */
export const edgePriorityClassName = `${productNames.name}-edge`;

/**
 * The edge's PriorityClass fields: above every workload without a class (priority 0), so a full
 * cluster evicts a service's pod before it leaves the internet-facing proxies pending, and far
 * below `system-cluster-critical` (2000000000), so cluster DNS, the CNI and node agents always win
 * a node over the proxies. Not the default of anything.
 *
 * @example
 * new k8s.scheduling.v1.PriorityClass('edge', { metadata: { name: edgePriorityClassName }, ...edgePriorityClass() });
 */
export function edgePriorityClass() {
  return {
    value: 1_000_000,
    preemptionPolicy: 'PreemptLowerPriority',
    globalDefault: false,
    description:
      'The internet-facing edge (Envoy Gateway and its proxies): scheduled before services, after system components.',
  } as const;
}
