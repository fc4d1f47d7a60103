import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlan, describePlan, normalizePlan } from './change-plan.ts';
import type { Generator, GeneratorOptions, GeneratorReport } from './generator.ts';
import { linkWorkspaces } from './link-workspaces.ts';
import { withBase } from './plan-base.ts';
import { readRepoView } from './repo-view.ts';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Runs a generator in the repository at `root`: checks the answers, computes the plan from a
 * read-only view, applies it in one step (all or nothing) unless it is a dry run, then links
 * the workspaces. The only place a generator writes.
 * @throws GeneratorError (or any error of the plan or its writing) with nothing written.
 * @example const report = await runGenerator(serviceGenerator, { name: 'billing' }, root, { link: false });
 */
export async function runGenerator<Answers>(
  generator: Generator<Answers>,
  data: object,
  root: string,
  { dryRun = false, link = true, linkOutput = 'inherit', onStep = () => {} }: GeneratorOptions = {},
): Promise<GeneratorReport> {
  const repo = readRepoView(root);
  const answers = generator.check(data, repo.catalog);
  onStep('check', 'the answers are valid');
  const plan = withBase(normalizePlan(generator.plan(answers, repo)), repo.files);
  // Asked before applying: afterwards every path exists.
  const described = describePlan(plan, (path) => existsSync(join(root, path)));
  const paths = [
    ...plan.directories.map((d) => `${d.path}/ (${count(d.files.length, 'file')})`),
    ...(plan.moves ?? []).map((m) => `${m.from} → ${m.to}`),
    ...plan.files.map((f) => f.path),
    ...plan.removals.map((r) => `${r} (removed)`),
  ];
  onStep('plan', paths.length === 0 ? 'nothing to change' : paths.join(', '));
  const total = described.created.length + described.updated.length + described.removed.length;
  const report = { generator: generator.name, dryRun, ...described };
  const nextSteps = generator.nextSteps(answers);
  if (dryRun) {
    onStep('write', `dry run: would change ${count(total, 'file')}`);
    onStep('link', 'skipped npm install');
    return { ...report, linked: false, nextSteps };
  }
  applyPlan(root, plan);
  const writtenAt = Date.now();
  onStep('write', `wrote ${count(total, 'file')}`);
  const linked = link && process.env.SLIPWAY_SKIP_LINK !== '1';
  if (linked) await linkWorkspaces(root, { output: linkOutput });
  onStep('link', linked ? 'linked the workspaces (npm install --offline)' : 'skipped npm install');
  return { ...report, linked, writtenAt, nextSteps };
}

/**
 * The steps left after a run: npm install first when the run did not link the workspaces.
 * @example nextStepsAfter({ linked: false, nextSteps: ['commit'] ... }) // ['npm install: ...', 'commit']
 */
export function nextStepsAfter(report: Pick<GeneratorReport, 'linked' | 'nextSteps'>): string[] {
  const install =
    'npm install: links the workspaces as they are now and updates package-lock.json (this run did not)';
  return [...(report.linked ? [] : [install]), ...report.nextSteps];
}

/** Numbered lines under a heading, as `npm create @slipway/service` prints them. */
export function formatNextSteps(steps: readonly string[]): string[] {
  return ['Next steps:', ...steps.map((step, i) => `  ${i + 1}. ${step}`)];
}
