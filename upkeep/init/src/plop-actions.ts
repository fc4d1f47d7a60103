import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionConfig, CustomActionFunction, NodePlopAPI } from 'node-plop';
import {
  applyPlan,
  describePlan,
  linkWorkspaces,
  normalizePlan,
  type PlannedFile,
  type PlannedMove,
  type RepoCatalog,
  readRepoCatalog,
} from '@slipway/generators';
import { runState } from './run-state.ts';

// The action types of `init`, which plans in a custom action of its own between `check` and
// `write`. The generators a fork keeps are one function each (the generators' run-generator.ts).

/** Checks plop's answers against the repository; returns the checked answers or throws. */
type CheckAnswers<Answers> = (data: object, catalog: RepoCatalog) => Answers;

/** What each action is told, besides its type. */
interface ActionSettings<Answers> {
  /** `check`: the rules the answers must pass before anything is planned. */
  readonly rules?: CheckAnswers<Answers>;
  /** `write`: the generator's name, as the run's report gives it. */
  readonly generator?: string;
  /** `write`: the lines printed once everything is written. */
  readonly nextSteps?: (answers: Answers) => string[];
}

/** Edits that also remove folders (the init generator) or move them. */
export interface PlannedEdits {
  readonly files: readonly PlannedFile[];
  readonly removals?: readonly string[];
  readonly moves?: readonly PlannedMove[];
}

type ActionType = 'check' | 'write' | 'link';

/**
 * One step of a plop generator's `actions` list: `check` reads the answers, `write` applies the
 * plan the steps before it built, at once, and `link` runs npm install.
 * @example action<InitAnswers>('check', { rules: checkInitAnswers })
 */
export function action<Answers>(type: ActionType, settings: ActionSettings<Answers> = {}) {
  return { type, ...settings } as ActionConfig;
}

function settingsOf(config: object): ActionSettings<unknown> {
  return config as ActionSettings<unknown>;
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

// Every action is async: node-plop reports a rejected action as { type, error }, while a
// synchronous throw would reach its caller as a bare Error.

/**
 * Registers the action types of {@link action}.
 * @example registerActions(plop);
 */
export function registerActions(plop: NodePlopAPI): void {
  const root = () => plop.getDestBasePath();

  const check: CustomActionFunction = async (data, config) => {
    const { rules } = settingsOf(config);
    if (!rules) throw new Error('check: no rules given');
    const state = runState(data);
    state.catalog = readRepoCatalog(root());
    state.answers = rules(data, state.catalog);
    return 'the answers are valid';
  };

  const write: CustomActionFunction = async (data, config) => {
    const { nextSteps, generator = '' } = settingsOf(config);
    const state = runState(data);
    const dryRun = state.options.dryRun === true;
    const plan = normalizePlan(state.plan);
    // Asked before applying: afterwards every path exists.
    const described = describePlan(plan, (path) => existsSync(join(root(), path)));
    if (!dryRun) applyPlan(root(), plan);
    state.result = {
      generator,
      dryRun,
      ...described,
      linked: false,
      ...(dryRun ? {} : { writtenAt: Date.now() }),
      nextSteps: nextSteps ? nextSteps(state.answers) : [],
    };
    const total = described.created.length + described.updated.length + described.removed.length;
    return dryRun
      ? `dry run: would change ${count(total, 'file')}`
      : `wrote ${count(total, 'file')}`;
  };

  const link: CustomActionFunction = async (data) => {
    const { options, result } = runState(data);
    const skip = options.link === false || process.env.SLIPWAY_SKIP_LINK === '1';
    if (options.dryRun || skip) return 'skipped npm install';
    await linkWorkspaces(root(), { output: options.linkOutput ?? 'inherit' });
    if (result) runState(data).result = { ...result, linked: true };
    return 'linked the workspaces (npm install --offline)';
  };

  plop.setActionType('check', check);
  plop.setActionType('write', write);
  plop.setActionType('link', link);
}
