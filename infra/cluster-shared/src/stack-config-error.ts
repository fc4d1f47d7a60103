/**
 * A stack config setting a cluster program cannot build with (missing, invalid, retired, or not
 * for the chosen mode), named by its key under the program's namespace (`nodeLimits.cpu`) and
 * raised before any resource is registered.
 */
class ClusterStackConfigError extends Error {
  override readonly name = 'ClusterStackConfigError';

  /** The key under `slipway-cluster-<cloud>:`, e.g. `nodePool.count`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`stack config ${field} ${problem}`);
    this.field = field;
  }
}

/**
 * Throws the error naming a cluster program's stack config key and the fix; for use in expressions.
 * @example const mode = isMode(value) ? value : rejectSetting('mode', 'must be "autopilot" or "standard"');
 */
export function rejectSetting(field: string, problem: string): never {
  throw new ClusterStackConfigError(field, problem);
}
