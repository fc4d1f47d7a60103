import { secretsRead, type WorkflowSource } from './workflow-secrets.ts';
import {
  isRecord,
  type Json,
  jobsOf,
  parseMapping,
  pullRequestTriggers,
  type ReadLocal,
  triggersOf,
  type WorkflowProblem,
} from './workflow-yaml.ts';

/** The one environment a pull request's jobs may run in: staging's secrets, read-only roles. */
const pullRequestEnvironment = 'preview';

/** The conditions that keep a fork's pull request out, each a whole term of the `if:`. */
const guardTerms = [
  /^github\.event_name == '(schedule|push|workflow_dispatch)'$/,
  /^github\.event\.pull_request\.head\.repo\.full_name == github\.repository$/,
  /^github\.repository == github\.event\.pull_request\.head\.repo\.full_name$/,
  /^github\.event\.pull_request\.head\.repo\.fork == false$/,
  /^! ?github\.event\.pull_request\.head\.repo\.fork$/,
];

/** The index of the parenthesis closing the one at `open`, outside string literals. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  let quoted = false;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The terms an expression requires all of: split on `&&` outside parentheses and strings. */
function conjuncts(expression: string): string[] {
  let text = expression.trim();
  while (text.startsWith('(') && closingParen(text, 0) === text.length - 1)
    text = text.slice(1, -1).trim();
  const terms: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith('&&', i)) {
      terms.push(text.slice(start, i));
      start = i + 2;
    }
  }
  terms.push(text.slice(start));
  return terms.length > 1 ? terms.flatMap(conjuncts) : [text];
}

/**
 * Whether a job's `if:` keeps forks' pull requests out: one of the terms it requires (`&&`)
 * compares the head repository with this one (or tests `head.repo.fork`), or requires an event no
 * pull request is (`schedule`, `push`, `workflow_dispatch`), and it has no `||` that could open
 * it again. A term must match whole, so a negation (`!(…)`, `!=`) of a guard is no guard: it
 * admits exactly the forks.
 * @example isSameRepositoryGuard('github.event.pull_request.head.repo.full_name == github.repository') // true
 */
export function isSameRepositoryGuard(condition: unknown): boolean {
  if (typeof condition !== 'string' || condition.includes('||')) return false;
  const text = condition
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\$\{\{(.*)\}\}$/, '$1');
  return conjuncts(text).some((term) => guardTerms.some((guard) => guard.test(term.trim())));
}

/** How a job was reached from a pull request trigger. */
interface Reach {
  readonly path: readonly string[];
  /** The caller's `with:` values, for `${{ inputs.x }}` in the called job. */
  readonly inputs: Json;
  /** Whether a job on the way keeps forks out (its `if:` is a same-repository guard). */
  readonly guarded: boolean;
}

function environmentName(job: Json, inputs: Json): string | undefined {
  const raw = isRecord(job.environment) ? job.environment.name : job.environment;
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const input = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(text);
  const value = input ? inputs[input[1] ?? ''] : text;
  return typeof value === 'string' ? value : text;
}

/**
 * The pull request rules (STANDARDS 21–23), across workflows and the local reusable workflows
 * their jobs call:
 *
 * (a) a job a pull request starts runs in no environment but `preview` (`pull-request-environment`);
 *
 * (b) a job a fork's pull request can start, one with no same-repository guard
 * ({@link isSameRepositoryGuard}) on it or on the job that called its workflow, reads no secret
 * (`GITHUB_TOKEN` aside), passes none to a reusable workflow, and names no environment but
 * `preview` (`fork-pull-request`). GitHub withholds secrets from forks' runs today; this keeps a
 * workflow from depending on that, and from a `pull_request_target` that would hand them over.
 * @example expect(checkForkReach(sources, readLocal)).toEqual([]);
 */
export function checkForkReach(
  sources: readonly WorkflowSource[],
  readLocal: ReadLocal,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  for (const { file, text } of sources) {
    const workflow = parseMapping(text);
    if (workflow && triggersOf(workflow).some((t) => pullRequestTriggers.includes(t)))
      visit(file, workflow, { path: [file], inputs: {}, guarded: false });
  }
  return problems;

  function visit(file: string, workflow: Json, reach: Reach): void {
    for (const [jobId, job] of jobsOf(workflow)) {
      const where = `workflow ${file}, job ${jobId} (reached from a pull request through ${reach.path.join(' → ')})`;
      const guarded = reach.guarded || isSameRepositoryGuard(job.if);
      const fork = guarded ? '' : ' and a fork can start it';
      const report = (rule: string, message: string) =>
        problems.push({ file, rule, message: `${where}: ${message}` });
      const environment = environmentName(job, reach.inputs);
      if (environment !== undefined && environment !== pullRequestEnvironment)
        report(
          'pull-request-environment',
          `runs in environment ${environment}; a pull request's jobs use only \`${pullRequestEnvironment}\``,
        );
      if (!guarded) {
        const secrets = [
          ...secretsRead(job),
          ...(job.secrets === 'inherit' ? ['(inherit)'] : []),
          ...(isRecord(job.secrets) ? Object.keys(job.secrets) : []),
        ];
        for (const secret of [...new Set(secrets)])
          report(
            'fork-pull-request',
            `reads or passes secrets.${secret}${fork}; add \`if: github.event.pull_request.head.repo.full_name == github.repository\` to the job`,
          );
      }
      if (typeof job.uses !== 'string' || !job.uses.startsWith('./')) continue;
      const calledFile = job.uses.slice(2);
      if (reach.path.includes(calledFile)) continue;
      const calledText = readLocal(calledFile);
      const called = calledText === undefined ? undefined : parseMapping(calledText);
      if (!called) continue; // the secret-scoping rules report a missing callee
      const inputs = isRecord(job.with) ? job.with : {};
      visit(calledFile, called, { path: [...reach.path, calledFile], inputs, guarded });
    }
  }
}
