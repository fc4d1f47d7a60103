/**
 * How the cluster gets its nodes, the one switch of the stack config's `mode`:
 * - `node-autoprovisioning`: AKS Standard with node autoprovisioning (Karpenter run by AKS)
 *   creating app nodes per pending pod, beside a small system pool Slipway sizes and taints;
 * - `automatic`: AKS Automatic, which also runs the system nodes, upgrades and node settings itself.
 */
export const aksModes = ['node-autoprovisioning', 'automatic'] as const;

/** One of {@link aksModes}. */
export type AksMode = (typeof aksModes)[number];

/**
 * The mode a stack gets when its config says none.
 * @example const mode = args.mode ?? defaultAksMode;
 */
export const defaultAksMode: AksMode = 'node-autoprovisioning';
