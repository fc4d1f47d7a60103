import { parse } from 'yaml';

/** One broken workflow rule. */
export interface WorkflowProblem {
  readonly file: string;
  readonly rule: string;
  readonly message: string;
}

/** A parsed YAML mapping. */
export type Json = Record<string, unknown>;

/**
 * Reads a repository file by its repository-relative path (`.github/workflows/x.yml`), or
 * `undefined` when it does not exist. The checks follow local reusable workflows and local
 * actions through it, so tests can hand them an in-memory tree.
 */
export type ReadLocal = (repoPath: string) => string | undefined;

/** The triggers whose runs execute a pull request's code. */
export const pullRequestTriggers: readonly string[] = [
  'pull_request',
  'pull_request_target',
  'pull_request_review',
  'pull_request_review_comment',
];

/**
 * Whether a YAML value is a mapping.
 * @example if (isRecord(job.with)) …
 */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses workflow or action text; `undefined` unless it is a mapping.
 * @example const workflow = parseMapping(text);
 */
export function parseMapping(text: string): Json | undefined {
  const parsed: unknown = parse(text);
  return isRecord(parsed) ? parsed : undefined;
}

/**
 * The trigger names of a workflow (`on:` as a string, a list or a map).
 * @example triggersOf(workflow) // ['pull_request', 'workflow_call']
 */
export function triggersOf(workflow: Json): string[] {
  const on = workflow.on ?? workflow.true; // YAML 1.1 readers turn a bare `on` into true
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  if (isRecord(on)) return Object.keys(on);
  return [];
}

/**
 * The jobs of a workflow, by id (mappings only).
 * @example for (const [id, job] of jobsOf(workflow)) …
 */
export function jobsOf(workflow: Json): [string, Json][] {
  const jobs = isRecord(workflow.jobs) ? workflow.jobs : {};
  return Object.entries(jobs).filter((entry): entry is [string, Json] => isRecord(entry[1]));
}

/**
 * The steps of a job or of a composite action's `runs` (mappings only).
 * @example stepsOf(job).filter((s) => typeof s.run === 'string')
 */
export function stepsOf(holder: Json): Json[] {
  return Array.isArray(holder.steps) ? holder.steps.filter(isRecord) : [];
}

/**
 * The name a `uses:` reference is known by: `owner/repo` for a published action, the whole
 * path for a local one (`./.github/actions/setup`).
 * @example actionName('aws-actions/configure-aws-credentials@8df5…') // 'aws-actions/configure-aws-credentials'
 */
export function actionName(uses: string): string {
  if (uses.startsWith('./')) return uses.replace(/\/$/, '');
  const [path] = uses.split('@');
  return (path ?? '').split('/').slice(0, 2).join('/');
}

/**
 * The repository-relative file behind a local `uses:` (`./.github/workflows/x.yml` for a
 * reusable workflow, `./.github/actions/x` for an action, whose `action.yml` or `action.yaml`
 * is read).
 * @example readLocalUses('./.github/actions/setup', readLocal) // the text of its action.yml
 */
export function readLocalUses(uses: string, readLocal: ReadLocal): string | undefined {
  if (!uses.startsWith('./')) return undefined;
  const path = uses.slice(2).replace(/\/$/, '');
  if (/\.ya?ml$/.test(path)) return readLocal(path);
  return readLocal(`${path}/action.yml`) ?? readLocal(`${path}/action.yaml`);
}

/**
 * Every string inside a YAML value, depth first (where expressions can hide).
 * @example stringsIn(job).some((s) => s.includes('secrets.'))
 */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (isRecord(value)) return Object.values(value).flatMap(stringsIn);
  return [];
}
