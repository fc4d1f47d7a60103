import { checkBranchScopes } from './workflow-branch-scopes.js';
import { jobUse } from './workflow-job-use.js';
import { checkPinnedActions, type WorkflowProblem } from './workflow-pins.js';
import { checkPublishing, publishCommand } from './workflow-publishing.js';
import {
  actionName,
  isRecord,
  type Json,
  jobsOf,
  parseMapping,
  type ReadLocal,
  stepsOf,
  triggersOf,
} from './workflow-yaml.js';

export type { WorkflowProblem } from './workflow-pins.js';

/**
 * The actions that justify each write scope: a job may hold the scope only if one of its steps
 * uses one of them (directly, through a local composite action, or in the reusable workflow the
 * job calls). `id-token: write` is for OIDC cloud login and npm trusted publishing only.
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

/** Commands in `run:` that justify a write scope: npm trusted publishing needs the OIDC token. */
export const writeScopeCommands: Readonly<Record<string, RegExp>> = {
  'id-token': publishCommand,
};

const noLocal: ReadLocal = () => undefined;

function isReusableOnly(workflow: Json): boolean {
  const triggers = triggersOf(workflow);
  return triggers.length > 0 && triggers.every((t) => t === 'workflow_call');
}

/**
 * Checks one workflow file against the hygiene rules (STANDARDS "Workflows", zizmor and
 * Scorecard's checks): least-privilege permissions (top level `contents: read` or none; write
 * scopes only on jobs whose steps, local actions or called workflow need them; `id-token: write`
 * only with an OIDC login or npm trusted publishing), every action pinned to a full commit SHA
 * with a `# vX.Y.Z` comment, checkout without persisted credentials, no `${{ }}` expression
 * inside `run:` (values go through `env:`), no `pull_request_target`, no `secrets: inherit`, a
 * timeout on every job, `concurrency` on every job that deploys to an environment, and versioning
 * apart from publishing (`checkPublishing`). A reusable workflow declares its own `permissions`
 * like any other (left out, it would run with whatever a caller grants); no `packages: write` where
 * a branch or pull request runs, and a caller grants what its called workflow declares
 * (workflow-branch-scopes). `readLocal` lets the rules see into local actions and reusable workflows.
 * @example expect(checkWorkflow(readFileSync(file, 'utf8'), file, readLocal)).toEqual([]);
 */
export function checkWorkflow(
  text: string,
  file: string,
  readLocal: ReadLocal = noLocal,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const report = (rule: string, message: string) => problems.push({ file, rule, message });
  const workflow = parseMapping(text);
  if (!workflow) {
    report('parse', 'not a YAML mapping');
    return problems;
  }

  for (const trigger of triggersOf(workflow)) {
    if (trigger === 'pull_request_target' || trigger === 'workflow_run') {
      report('dangerous-trigger', `${trigger} runs untrusted code with repository secrets`);
    }
  }

  const top = workflow.permissions;
  const jobs = jobsOf(workflow);
  if (top === undefined) {
    report(
      'top-permissions',
      isReusableOnly(workflow)
        ? 'top-level `permissions` is missing: a reusable workflow would run with whatever its caller grants; declare the least it needs'
        : 'top-level `permissions` is missing (default token scopes are too wide)',
    );
  } else if (
    !isRecord(top) ||
    Object.entries(top).some(([scope, level]) => !(scope === 'contents' && level === 'read'))
  ) {
    report('top-permissions', 'top-level `permissions` must be `contents: read` or `{}`');
  }

  problems.push(...checkPinnedActions(text, file));
  problems.push(...checkBranchScopes(workflow, file, readLocal));

  for (const [jobId, job] of jobs) {
    const where = `job ${jobId}`;
    const use = jobUse(job, readLocal);

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
        const command = writeScopeCommands[scope];
        if (!users) {
          report('job-permissions', `${where}: ${scope}: write is never needed here`);
        } else if (
          !users.some((action) => use.actions.has(action)) &&
          !(command && use.runs.some((run) => command.test(run)))
        ) {
          report(
            'job-permissions',
            `${where}: ${scope}: write without a step that needs it (${users.join(', ')})`,
          );
        }
      }
    }
    const grantsIdToken = isRecord(permissions) && permissions['id-token'] === 'write';
    const oidcLogin = (writeScopeUsers['id-token'] ?? []).find((a) => use.actions.has(a));
    // Both ends: the called workflow's job and the job that calls it must hold the scope.
    if (oidcLogin && !grantsIdToken) {
      report(
        'job-permissions',
        `${where}: ${oidcLogin} needs \`id-token: write\` on this job (OIDC)`,
      );
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

    for (const [index, step] of stepsOf(job).entries()) {
      const label = `${where} step ${typeof step.name === 'string' ? step.name : index + 1}`;
      problems.push(...checkStep(step, label, file));
    }
    problems.push(...checkPublishing(job, use, where, file));
  }
  return problems;
}

function checkStep(step: Json, label: string, file: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  if (typeof step.uses === 'string' && actionName(step.uses) === 'actions/checkout') {
    const withs = isRecord(step.with) ? step.with : {};
    if (withs['persist-credentials'] !== false) {
      problems.push({
        file,
        rule: 'checkout-credentials',
        message: `${label}: actions/checkout needs persist-credentials: false`,
      });
    }
  }
  if (typeof step.run === 'string' && step.run.includes('${{')) {
    problems.push({
      file,
      rule: 'run-expressions',
      message: `${label}: \`\${{ }}\` inside run: is expanded into the script before it runs; pass the value through env:`,
    });
  }
  return problems;
}

/**
 * Checks a local composite action (`.github/actions/<name>/action.yml`) by the rules that apply
 * to its steps: pinned actions, checkout without persisted credentials, no expression in `run:`.
 * @example expect(checkCompositeAction(text, '.github/actions/setup/action.yml')).toEqual([]);
 */
export function checkCompositeAction(text: string, file: string): WorkflowProblem[] {
  const action = parseMapping(text);
  if (!action || !isRecord(action.runs) || action.runs.using !== 'composite') {
    return [{ file, rule: 'parse', message: 'not a composite action (runs.using: composite)' }];
  }
  const steps = stepsOf(action.runs);
  return [
    ...checkPinnedActions(text, file),
    ...steps.flatMap((step, index) =>
      checkStep(step, `step ${typeof step.name === 'string' ? step.name : index + 1}`, file),
    ),
  ];
}
