import { formatProblem } from './format-problem.ts';
import type { ManifestProblem } from './manifest-problem.ts';

/**
 * Raised when one or more manifests are invalid; lists every problem at once, each with the
 * offending line of its file when known.
 * @example throw new ManifestError([{ service: 'orders', file: 'apps/orders/service.yaml', field: 'port', message: 'is required: expected number' }]);
 */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';

  readonly problems: readonly ManifestProblem[];

  constructor(problems: readonly ManifestProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in service manifests:\n${problems
        .map((p) => `  - ${formatProblem(p).replaceAll('\n', '\n    ')}`)
        .join('\n')}`,
    );
    this.problems = problems;
  }
}
