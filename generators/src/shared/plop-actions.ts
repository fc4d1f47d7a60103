import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ActionConfig, CustomActionFunction, NodePlopAPI } from 'node-plop';
import {
  applyPlan,
  describePlan,
  normalizePlan,
  type PlannedFile,
  type PlannedMove,
} from './change-plan.ts';
import { formatFiles } from './format-files.ts';
import { linkWorkspaces } from './link-workspaces.ts';
import { renderTemplate, renderTemplateFolder } from './render-templates.ts';
import { type RepoCatalog, readRepoCatalog } from './repo-catalog.ts';
import { type RunResult, runState } from './run-state.ts';

/** Checks plop's answers against the repository; returns the checked answers or throws. */
export type CheckAnswers<Answers> = (data: object, catalog: RepoCatalog) => Answers;

/** What each action of a generator is told, besides its type. */
interface ActionSettings<Answers> {
  /** `check`: the rules the answers must pass before anything is planned. */
  readonly rules?: CheckAnswers<Answers>;
  /** `render`: the template folder under `generators/templates/`. */
  readonly templates?: string;
  /** `render`: the new folder, a template itself (`apps/{{name}}`). */
  readonly destination?: string;
  /** `render`: the data the templates see. */
  readonly view?: (answers: Answers, catalog: RepoCatalog) => object;
  /** `render`: more files of the new folder, made from other templates (`templatesDir`). */
  readonly extraFiles?: (
    answers: Answers,
    catalog: RepoCatalog,
    templatesDir: string,
  ) => PlannedFile[];
  /** `edit`: what the edit is for, as plop prints it. */
  readonly describe?: string;
  /** `edit`: files created or rewritten outside the new folder; formatted before they are written. */
  readonly edit?: (
    answers: Answers,
    catalog: RepoCatalog,
    templatesDir: string,
  ) => PlannedFile[] | PlannedEdits;
  /** `write`: the generator's name, as the run's result reports it. */
  readonly generator?: string;
  /** `write`: the lines printed once everything is written. */
  readonly nextSteps?: (answers: Answers) => string[];
}

/** Edits that also remove folders (the init generator) or move them (a renamed service). */
export interface PlannedEdits {
  readonly files: readonly PlannedFile[];
  readonly removals?: readonly string[];
  readonly moves?: readonly PlannedMove[];
}

type ActionType = 'check' | 'render' | 'edit' | 'write' | 'link' | 'next-steps';

/**
 * One step of a generator, as it appears in the generator's `actions` list. Every step but
 * `write` only adds to the run's plan; `write` applies the whole plan at once.
 * @example action<ServiceAnswers>('render', { templates: 'service', destination: 'apps/{{name}}', view })
 */
export function action<Answers>(type: ActionType, settings: ActionSettings<Answers> = {}) {
  return { type, ...settings } as ActionConfig;
}

function settingsOf(config: object): ActionSettings<unknown> {
  return config as ActionSettings<unknown>;
}

/** The answers and the catalog `check` read: every later step plans against the same state. */
function checked(data: object): { answers: unknown; catalog: RepoCatalog } {
  const { answers, catalog } = runState(data);
  if (answers === undefined || catalog === undefined) {
    throw new Error('the check action must run before this one');
  }
  return { answers, catalog };
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

// Every action is async: node-plop reports a rejected action as { type, error }, while a
// synchronous throw would reach its caller as a bare Error.

/**
 * Registers the action types the generators are made of. `templatesDir` is the folder of
 * template folders (`generators/templates`).
 * @example registerActions(plop, join(generatorsDir, 'templates'));
 */
export function registerActions(plop: NodePlopAPI, templatesDir: string): void {
  const root = () => plop.getDestBasePath();

  const check: CustomActionFunction = async (data, config) => {
    const { rules } = settingsOf(config);
    if (!rules) throw new Error('check: no rules given');
    const state = runState(data);
    state.catalog = readRepoCatalog(root());
    state.answers = rules(data, state.catalog);
    return 'the answers are valid';
  };

  const render: CustomActionFunction = async (data, config) => {
    const { templates, destination, view, extraFiles } = settingsOf(config);
    if (!templates || !destination || !view)
      throw new Error('render: templates, destination and view are required');
    const { answers, catalog } = checked(data);
    const model = view(answers, catalog);
    const path = renderTemplate(destination, model);
    const files = formatFiles(root(), [
      ...renderTemplateFolder(join(templatesDir, templates), model),
      ...(extraFiles ? extraFiles(answers, catalog, templatesDir) : []),
    ]);
    runState(data).plan.directories.push({ path, files });
    return `${path}/ (${count(files.length, 'file')})`;
  };

  const edit: CustomActionFunction = async (data, config) => {
    const { edit: planEdit, describe = 'edit' } = settingsOf(config);
    if (!planEdit) throw new Error('edit: no edit given');
    const { answers, catalog } = checked(data);
    const planned = planEdit(answers, catalog, templatesDir);
    const {
      files,
      removals = [],
      moves = [],
    } = Array.isArray(planned) ? { files: planned } : planned;
    const { plan } = runState(data);
    plan.files.push(...files);
    plan.removals.push(...removals);
    plan.moves.push(...moves);
    const paths = [
      ...moves.map((m) => `${m.from} → ${m.to}`),
      ...files.map((f) => f.path),
      ...removals.map((r) => `${r} (removed)`),
    ];
    return `${describe}: ${paths.length === 0 ? 'nothing to change' : paths.join(', ')}`;
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
      nextSteps: nextSteps ? nextSteps(checked(data).answers) : [],
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
    if (result) result.linked = true;
    return 'linked the workspaces (npm install --offline)';
  };

  // Last: by then `link` has run, so the steps say whether npm install is still to do.
  const nextSteps: CustomActionFunction = async (data) => {
    const { result } = runState(data);
    if (!result || result.dryRun) return 'no next steps: nothing was written';
    return `done\n${formatNextSteps(nextStepsAfter(result)).join('\n')}`;
  };

  plop.setActionType('check', check);
  plop.setActionType('render', render);
  plop.setActionType('edit', edit);
  plop.setActionType('write', write);
  plop.setActionType('link', link);
  plop.setActionType('next-steps', nextSteps);
}

/**
 * The steps left after a run: npm install first when the run did not link the workspaces.
 * @example nextStepsAfter({ linked: false, nextSteps: ['commit'] ... }) // ['npm install: ...', 'commit']
 */
export function nextStepsAfter(result: RunResult): string[] {
  const install =
    'npm install: links the workspaces as they are now and updates package-lock.json (this run did not)';
  return [...(result.linked ? [] : [install]), ...result.nextSteps];
}

/** Numbered lines under a heading, as `npm create @slipway/service` prints them. */
export function formatNextSteps(steps: readonly string[]): string[] {
  return ['Next steps:', ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
}
