/**
 * A stack config setting the cluster cannot be built with, named by its key under
 * `slipway-cluster-aks:` and raised before any resource is registered.
 *
 * @example throw new AksStackConfigError('adminGroupObjectIds', 'must list at least one group');
 */
class AksStackConfigError extends Error {
  override readonly name = 'AksStackConfigError';

  /** The key under `slipway-cluster-aks:`, e.g. `nodePool.count`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`stack config ${field} ${problem}`);
    this.field = field;
  }
}

/**
 * Throws an {@link AksStackConfigError}; for use in expressions.
 * @example const tier = mode === 'automatic' && skuTier === 'Free' ? rejectAksSetting('skuTier', '...') : skuTier;
 */
export function rejectAksSetting(field: string, problem: string): never {
  throw new AksStackConfigError(field, problem);
}
