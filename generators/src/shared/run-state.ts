import {
  createPlan,
  type PlannedDirectory,
  type PlannedFile,
  type PlannedMove,
} from './change-plan.ts';
import type { RepoCatalog } from './repo-catalog.ts';

/** How a caller (the create-service CLI, a test) wants a generator run to behave. */
export interface RunOptions {
  /** Plan and report, write nothing, link nothing. */
  readonly dryRun?: boolean;
  /** Run `npm install` to link new workspaces. Default: true (false when SLIPWAY_SKIP_LINK=1). */
  readonly link?: boolean;
  /** Where npm's progress goes; 'stderr' keeps stdout clean for `--json`. Default: 'inherit'. */
  readonly linkOutput?: 'inherit' | 'stderr';
}

/** What a generator run did, as the create-service CLI prints it (also with `--json`). */
export interface RunResult {
  readonly generator: string;
  readonly dryRun: boolean;
  /** Files created, relative to the repository root. */
  readonly created: string[];
  /** Existing files rewritten (or created outside the new folder). */
  readonly updated: string[];
  readonly removed: string[];
  /** Whether `npm install` linked the workspace. */
  linked: boolean;
  /** When the files were on disk (epoch ms), for the scaffold benchmark. */
  readonly writtenAt?: number;
  readonly nextSteps: readonly string[];
}

/** The state the actions of one run share; it lives on the answers object plop hands them. */
export interface RunState {
  options: RunOptions;
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
  result?: RunResult;
}

/**
 * The key of the run state on the answers object. A registered symbol, so the
 * create-service CLI (a separate package) can hand in options and read the result.
 * @example generator.runActions({ ...answers, [runStateKey]: { options: { dryRun: true } } })
 */
export const runStateKey = Symbol.for('slipway.generator-run');

/**
 * The run state on plop's answers object, created on first use.
 * @example const state = runState(answers); state.plan.files.push(edit);
 */
export function runState(data: object): RunState {
  const existing: unknown = Reflect.get(data, runStateKey);
  const state: RunState =
    typeof existing === 'object' && existing !== null && 'options' in existing
      ? (existing as RunState)
      : { options: {}, plan: createPlan() };
  if (!('plan' in state)) Object.assign(state, { plan: createPlan() });
  Reflect.set(data, runStateKey, state);
  return state;
}
