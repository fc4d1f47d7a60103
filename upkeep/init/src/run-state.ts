import type {
  GeneratorOptions,
  GeneratorReport,
  PlannedDirectory,
  PlannedFile,
  PlannedMove,
  RepoCatalog,
} from '@slipway/generators';

/**
 * The state the plop actions of one `init` run share, on the answers object plop hands them.
 * The generators a fork keeps plan in one function (the generators' `runGenerator`) and need none.
 */
export interface RunState {
  options: GeneratorOptions;
  /** The repository as the `check` action read it. */
  catalog?: RepoCatalog;
  /** The checked answers, once the `check` action has passed. */
  answers?: unknown;
  readonly plan: {
    directories: PlannedDirectory[];
    files: PlannedFile[];
    removals: string[];
    moves: PlannedMove[];
  };
  result?: GeneratorReport;
}

/** Private to this module: nothing outside one plop run reads or hands in its state. */
const runStateKey = Symbol('slipway.generator-run');

/**
 * The run state on plop's answers object, created on first use.
 * @example const state = runState(answers); state.plan.files.push(edit);
 */
export function runState(data: object): RunState {
  const existing: unknown = Reflect.get(data, runStateKey);
  if (typeof existing === 'object' && existing !== null) return existing as RunState;
  const plan = { directories: [], files: [], removals: [], moves: [] };
  const state: RunState = { options: {}, plan };
  Reflect.set(data, runStateKey, state);
  return state;
}
