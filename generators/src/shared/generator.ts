import type { PromptQuestion } from 'node-plop';
import type { ChangePlan } from './change-plan.ts';
import type { RepoCatalog } from './repo-catalog.ts';
import type { RepoView } from './repo-view.ts';

/** One question of a generator, as plop (inquirer) asks it and `--<name>` answers it. */
export type Question = PromptQuestion;

/**
 * A generator: questions to ask, rules for the answers, and a plan computed from the answers
 * and a read-only view of the repository. It writes nothing itself: {@link runGenerator}
 * applies the plan, so a dry run, a refusal and a test all stop before the disk.
 * @example const plan = serviceGenerator.plan(serviceGenerator.check(data, catalog), repo);
 */
export interface Generator<Answers> {
  readonly name: string;
  /** One line, as `npm run gen -- --help` lists it; it may name the repository's scope. */
  readonly description: string | ((catalog: RepoCatalog) => string);
  /** The questions, in the order their flags are documented. */
  readonly questions: (catalog: RepoCatalog) => Question[];
  /**
   * Checks the answers (prompts or flags, as typed) against the repository.
   * @throws GeneratorError listing every problem.
   */
  readonly check: (data: object, catalog: RepoCatalog) => Answers;
  /** Everything the run changes: a pure function of the answers and the view. */
  readonly plan: (answers: Answers, repo: RepoView) => ChangePlan;
  /** What to do once the plan is written, as the CLI prints it. */
  readonly nextSteps: (answers: Answers) => string[];
}

/** How a caller (the create-service CLI, `npm run gen`, a test) wants a generator run to behave. */
export interface GeneratorOptions {
  /** Plan and report, write nothing, link nothing. */
  readonly dryRun?: boolean;
  /** Run `npm install` to link new workspaces. Default: true (false when SLIPWAY_SKIP_LINK=1). */
  readonly link?: boolean;
  /** Where npm's progress goes; 'stderr' keeps stdout clean for `--json`. Default: 'inherit'. */
  readonly linkOutput?: 'inherit' | 'stderr';
  /** Told each step as it is done (`check`, `plan`, `write`, `link`), for progress lines. */
  readonly onStep?: (step: string, detail: string) => void;
}

/** What a generator run did, as the create-service CLI prints it (also with `--json`). */
export interface GeneratorReport {
  readonly generator: string;
  readonly dryRun: boolean;
  /** Files created, relative to the repository root. */
  readonly created: string[];
  /** Existing files rewritten (or created outside the new folder). */
  readonly updated: string[];
  readonly removed: string[];
  /** Whether `npm install` linked the workspace. */
  readonly linked: boolean;
  /** When the files were on disk (epoch ms), for the scaffold benchmark. */
  readonly writtenAt?: number;
  readonly nextSteps: readonly string[];
}
