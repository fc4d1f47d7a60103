/**
 * Who adds and removes nodes: EKS Auto Mode (EKS runs node provisioning, the EBS CSI driver and
 * the load balancer controller, and bills a management fee per instance) or Karpenter, which this
 * program installs on a small system node group (no fee; you run and upgrade it).
 */
export const nodeProvisionings = ['auto-mode', 'karpenter'] as const;

/** One of {@link nodeProvisionings}: the stack config's `nodeProvisioning`. */
export type NodeProvisioning = (typeof nodeProvisionings)[number];

/** The most the Karpenter NodePool may provision in total, as the stack config's `nodeLimits` spells it. */
export interface NodeLimits {
  /** vCPUs across all Karpenter nodes. Default: 64. */
  readonly cpu: number;
  /** Memory across all Karpenter nodes, in Kubernetes quantity form (`256Gi`). Default: `256Gi`. */
  readonly memory: string;
}

/** The managed node group that runs Karpenter itself and the system add-ons (`systemNodes`). */
export interface SystemNodes {
  /** EC2 instance type. Default: `m7i.large` (2 vCPU, 8 GiB). */
  readonly instanceType: string;
  /** Fixed number of nodes, at least two (Karpenter runs two replicas on separate nodes). Default: 2. */
  readonly count: number;
}

/** The node settings of each mode: Karpenter's limits and system nodes exist only in Karpenter mode. */
export type NodeSettings =
  | { readonly provisioning: 'auto-mode' }
  | {
      readonly provisioning: 'karpenter';
      readonly limits: NodeLimits;
      readonly systemNodes: SystemNodes;
    };

/** The defaults of the settings above, stated once. */
export const nodeDefaults = {
  provisioning: 'auto-mode',
  limits: { cpu: 64, memory: '256Gi' },
  systemNodes: { instanceType: 'm7i.large', count: 2 },
} as const satisfies {
  provisioning: NodeProvisioning;
  limits: NodeLimits;
  systemNodes: SystemNodes;
};
