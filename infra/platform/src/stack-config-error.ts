/**
 * A stack config setting that is missing or invalid, named by its field (`gateway.domains.slipway-dev`),
 * raised before any resource is registered.
 *
 * @example
 * throw new PlatformStackConfigError('certManager.email', "is required for Let's Encrypt");
 */
class PlatformStackConfigError extends Error {
  override readonly name = 'PlatformStackConfigError';

  /** The field's path under `slipway-platform:`, e.g. `backups.bucket`. */
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`stack config ${field} ${problem}`);
    this.field = field;
  }
}

/** Throws a {@link PlatformStackConfigError}; for use in expressions. */
export function fail(field: string, problem: string): never {
  throw new PlatformStackConfigError(field, problem);
}
