/**
 * A stack config setting that is missing or invalid, named by its field (`gateway.domains.slipway-dev`),
 * raised before any resource is registered.
 *
 * @example
 * throw new PlatformStackConfigError('certManager.email', "is required for Let's Encrypt");
 */
export class PlatformStackConfigError extends Error {
  override readonly name = 'PlatformStackConfigError';

  constructor(
    /** The field's path under `slipway-platform:`, e.g. `backups.bucket`. */
    readonly field: string,
    problem: string,
  ) {
    super(`stack config ${field} ${problem}`);
  }
}

/** Throws a {@link PlatformStackConfigError}; for use in expressions. */
export function fail(field: string, problem: string): never {
  throw new PlatformStackConfigError(field, problem);
}
