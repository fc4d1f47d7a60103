/** One thing wrong with a service manifest, located precisely enough to fix. */
export interface ManifestProblem {
  /** The service the problem belongs to (its folder name when the name is unreadable). */
  readonly service: string;
  /** The manifest file, relative to the repository root when loaded from one. */
  readonly file: string;
  /** The field, as a dotted path such as `replicas.max`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
}

/** Raised when one or more manifests are invalid; lists every problem at once. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  constructor(readonly problems: readonly ManifestProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in service manifests:\n${problems
        .map(
          (p) =>
            `  - ${p.file}: service '${p.service}'${p.field ? `, field '${p.field}'` : ''}: ${p.message}`,
        )
        .join('\n')}`,
    );
  }
}
