import { parse } from 'yaml';

/** One broken workflow rule. */
export interface WorkflowProblem {
  readonly file: string;
  readonly rule: string;
  readonly message: string;
}

/**
 * The actions that justify each write scope: a job may hold the scope only if one of its steps
 * uses one of them. `id-token: write` is for OIDC cloud login only.
 */
export const writeScopeUsers: Readonly<Record<string, readonly string[]>> = {
  'id-token': [
    'aws-actions/configure-aws-credentials',
    'google-github-actions/auth',
    'azure/login',
  ],
  packages: ['docker/login-action'],
  'pull-requests': ['pulumi/actions', 'changesets/action'],
  contents: ['changesets/action'],
};

type Json = Record<string, unknown>;

const shaRef = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(?:\/[^@\s]+)?@[0-9a-f]{40}$/;
const versionComment = /#\s*v\d+\.\d+\.\d+\b/;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function triggers(on: unknown): string[] {
  if (typeof on === 'string') return [on];
  if (Array.isArray(on)) return on.filter((t): t is string => typeof t === 'string');
  if (isRecord(on)) return Object.keys(on);
  return [];
}

function actionName(uses: string): string {
  const [path] = uses.split('@');
  return (path ?? '').split('/').slice(0, 2).join('/');
}

/**
 * Checks one workflow file against the hygiene rules (STANDARDS "Workflows", zizmor and
 * Scorecard's checks): least-privilege permissions (top level `contents: read` or none; write
 * scopes only on jobs whose steps need them; `id-token: write` only with an OIDC login), every
 * action pinned to a full commit SHA with a `# vX.Y.Z` comment, checkout without persisted
 * credentials, no `${{ }}` expression inside `run:` (values go through `env:`), no
 * `pull_request_target`, no `secrets: inherit`, a timeout on every job, and `concurrency` on
 * every job that deploys to an environment.
 * @example expect(checkWorkflow(readFileSync(file, 'utf8'), file)).toEqual([]);
 */
export function checkWorkflow(text: string, file: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const report = (rule: string, message: string) => problems.push({ file, rule, message });
  const workflow: unknown = parse(text);
  if (!isRecord(workflow)) {
    report('parse', 'not a YAML mapping');
    return problems;
  }

  const on = workflow.on ?? workflow.true; // YAML 1.1 readers turn a bare `on` into true
  for (const trigger of triggers(on)) {
    if (trigger === 'pull_request_target' || trigger === 'workflow_run') {
      report('dangerous-trigger', `${trigger} runs untrusted code with repository secrets`);
    }
  }

  const top = workflow.permissions;
  if (top === undefined) {
    report(
      'top-permissions',
      'top-level `permissions` is missing (default token scopes are too wide)',
    );
  } else if (
    !isRecord(top) ||
    Object.entries(top).some(([scope, level]) => !(scope === 'contents' && level === 'read'))
  ) {
    report('top-permissions', 'top-level `permissions` must be `contents: read` or `{}`');
  }

  // Raw lines: YAML parsing drops the comments that carry the pinned version.
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    const match = /^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)['"]?(.*)$/.exec(line);
    if (!match) continue;
    const ref = match[1] ?? '';
    if (ref.startsWith('./')) continue;
    if (ref.startsWith('docker://')) {
      if (!/@sha256:[0-9a-f]{64}$/.test(ref)) {
        report('pinned-actions', `line ${index + 1}: ${ref} must be pinned by digest`);
      }
      continue;
    }
    if (!shaRef.test(ref)) {
      report(
        'pinned-actions',
        `line ${index + 1}: ${ref} must be pinned to a full 40-character commit SHA`,
      );
    } else if (!versionComment.test(match[2] ?? '')) {
      report(
        'pinned-actions',
        `line ${index + 1}: ${ref} needs a \`# vX.Y.Z\` comment naming its release`,
      );
    }
  }

  const jobs = isRecord(workflow.jobs) ? workflow.jobs : {};
  for (const [jobId, rawJob] of Object.entries(jobs)) {
    if (!isRecord(rawJob)) continue;
    const job = rawJob;
    const where = `job ${jobId}`;
    const steps = Array.isArray(job.steps) ? job.steps.filter(isRecord) : [];
    const usedActions = new Set(
      steps.flatMap((step) => (typeof step.uses === 'string' ? [actionName(step.uses)] : [])),
    );

    if (job.secrets === 'inherit')
      report('secrets-inherit', `${where}: pass secrets by name, not \`secrets: inherit\``);
    if (typeof job.uses !== 'string' && job['timeout-minutes'] === undefined) {
      report('timeout', `${where}: set timeout-minutes`);
    }

    const permissions = job.permissions;
    if (typeof permissions === 'string') {
      report('job-permissions', `${where}: permissions must list scopes, not ${permissions}`);
    } else if (isRecord(permissions)) {
      for (const [scope, level] of Object.entries(permissions)) {
        if (level !== 'write') continue;
        const users = writeScopeUsers[scope];
        if (!users) {
          report('job-permissions', `${where}: ${scope}: write is never needed here`);
        } else if (!users.some((action) => usedActions.has(action))) {
          report(
            'job-permissions',
            `${where}: ${scope}: write without a step that needs it (${users.join(', ')})`,
          );
        }
      }
    }
    for (const action of writeScopeUsers['id-token'] ?? []) {
      if (
        usedActions.has(action) &&
        !(isRecord(permissions) && permissions['id-token'] === 'write')
      ) {
        report(
          'job-permissions',
          `${where}: ${action} needs \`id-token: write\` on this job (OIDC)`,
        );
      }
    }

    if (job.environment !== undefined) {
      const env = isRecord(job.environment) ? job.environment.name : job.environment;
      const group = isRecord(job.concurrency) ? job.concurrency.group : job.concurrency;
      if (typeof group !== 'string' || (typeof env === 'string' && !group.includes(env))) {
        report(
          'deploy-concurrency',
          `${where}: deploys to ${String(env)} without a concurrency group for it`,
        );
      }
    }

    for (const [index, step] of steps.entries()) {
      const label = `${where} step ${typeof step.name === 'string' ? step.name : index + 1}`;
      if (typeof step.uses === 'string' && actionName(step.uses) === 'actions/checkout') {
        const withs = isRecord(step.with) ? step.with : {};
        if (withs['persist-credentials'] !== false) {
          report(
            'checkout-credentials',
            `${label}: actions/checkout needs persist-credentials: false`,
          );
        }
      }
      if (typeof step.run === 'string' && step.run.includes('${{')) {
        report(
          'run-expressions',
          `${label}: \`\${{ }}\` inside run: is expanded into the script before it runs; pass the value through env:`,
        );
      }
    }
  }
  return problems;
}
