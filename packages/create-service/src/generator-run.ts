/**
 * The contract with the repository's generators (`generators/src/shared/run-state.ts`):
 * options go in, and the result comes back, on the answers object under this key.
 * @example Reflect.get(answers, runStateKey)?.result
 */
export const runStateKey = Symbol.for('slipway.generator-run');

/** node-plop's message for each action skipped after a failure; the CLI does not repeat it. */
export const aborted = 'Aborted due to previous action failure';

/** What the CLI asks of a generator run. */
export interface RunOptions {
  readonly dryRun: boolean;
  readonly link: boolean;
  readonly linkOutput: 'inherit' | 'stderr';
}

/** What a generator run reports back: the files it wrote and what to do next. */
export interface RunResult {
  readonly generator: string;
  readonly dryRun: boolean;
  readonly created: readonly string[];
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly linked: boolean;
  readonly writtenAt?: number;
  readonly nextSteps: readonly string[];
}

function isRunResult(value: unknown): value is RunResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'created' in value &&
    Array.isArray(value.created) &&
    'nextSteps' in value &&
    Array.isArray(value.nextSteps)
  );
}

/**
 * The answers object handed to the generator's actions, carrying the run options.
 * @example await generator.runActions(withRunOptions(answers, { dryRun: true, link: false, linkOutput: 'inherit' }));
 */
export function withRunOptions(answers: object, options: RunOptions): object {
  return Object.assign(answers, { [runStateKey]: { options } });
}

/**
 * The run's result, once the generator's `write` action has run.
 * @example readRunResult(data)?.created // ['apps/billing/README.md', ...]
 */
export function readRunResult(answers: object): RunResult | undefined {
  const state: unknown = Reflect.get(answers, runStateKey);
  const result =
    typeof state === 'object' && state !== null ? Reflect.get(state, 'result') : undefined;
  return isRunResult(result) ? result : undefined;
}
