/**
 * A stack config setting of the GKE cluster program that is invalid or does not apply, named by
 * its field (`nodePool`, `resourceLimits.cpu`), raised before any resource is registered.
 *
 * @example throw new GkeStackConfigError('mode', 'must be "autopilot" or "standard", got "auto"');
 */
class GkeStackConfigError extends Error {
  override readonly name = 'GkeStackConfigError';

  /** The field's path under `slipway-cluster-gke:`, e.g. `resourceLimits.cpu`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`stack config ${field} ${problem}`);
    this.field = field;
  }
}

/**
 * Throws a {@link GkeStackConfigError}; for use in expressions.
 * @example const mode = isMode(value) ? value : fail('mode', 'must be "autopilot" or "standard"');
 */
export function fail(field: string, problem: string): never {
  throw new GkeStackConfigError(field, problem);
}
