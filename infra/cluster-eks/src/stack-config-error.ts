/**
 * A stack config setting of the EKS cluster program that is missing, invalid or no longer read,
 * named by its key (`nodeLimits.cpu`), raised before any resource is registered.
 *
 * @example
 * throw new ClusterStackConfigError('nodeProvisioning', 'must be auto-mode or karpenter');
 */
class ClusterStackConfigError extends Error {
  override readonly name = 'ClusterStackConfigError';

  /** The key under `slipway-cluster-eks:`, e.g. `systemNodes.count`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`stack config ${field} ${problem}`);
    this.field = field;
  }
}

/** Throws a {@link ClusterStackConfigError}; for use in expressions. */
export function failEksConfig(field: string, problem: string): never {
  throw new ClusterStackConfigError(field, problem);
}
