/**
 * A stack config setting that is missing or invalid, named by its field (`gateway.domains.slipway-dev`),
 * raised before any resource is registered.
 *
 * @example
 * throw new StackConfigError('certManager.email', "is required for Let's Encrypt");
 */
export class StackConfigError extends Error {
  override readonly name = 'StackConfigError';

  constructor(
    /** The field's path under `slipway-platform:`, e.g. `backups.bucket`. */
    readonly field: string,
    problem: string,
  ) {
    super(`stack config ${field} ${problem}`);
  }
}

/** Throws a {@link StackConfigError}; for use in expressions. */
export function fail(field: string, problem: string): never {
  throw new StackConfigError(field, problem);
}
