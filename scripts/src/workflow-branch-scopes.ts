import {
  isRecord,
  type Json,
  jobsOf,
  parseMapping,
  type ReadLocal,
  readLocalUses,
  triggersOf,
  type WorkflowProblem,
} from './workflow-yaml.ts';

/** The branch whose code alone may push images. */
const releaseBranch = 'main';

/** The `if` term that keeps a job on the release branch when its workflow can run elsewhere. */
const releaseBranchCondition = `github.ref == 'refs/heads/${releaseBranch}'`;

/**
 * Whether a workflow can run code from a ref other than main: a pull request, a push to any
 * other branch or a tag, a manual run (any branch can be picked), and every trigger not known to
 * be main-only. Main-only: `schedule` (the default branch) and `push` limited to `branches: [main]`.
 * `workflow_call` is judged at its callers.
 * @example runsOffMain(parseMapping('on: pull_request')!) // true
 */
function runsOffMain(workflow: Json): boolean {
  const on = isRecord(workflow.on) ? workflow.on : isRecord(workflow.true) ? workflow.true : {};
  return triggersOf(workflow).some((trigger) => {
    if (trigger === 'schedule' || trigger === 'workflow_call') return false;
    if (trigger !== 'push') return true;
    const push = isRecord(on.push) ? on.push : {};
    const branches = push.branches;
    return !(
      Array.isArray(branches) &&
      branches.length === 1 &&
      branches[0] === releaseBranch &&
      push['branches-ignore'] === undefined &&
      push.tags === undefined
    );
  });
}

const levels: Readonly<Record<string, number>> = { none: 0, read: 1, write: 2 };

function grantOf(permissions: unknown): Record<string, string> | undefined {
  return isRecord(permissions)
    ? Object.fromEntries(Object.entries(permissions).map(([k, v]) => [k, String(v)]))
    : undefined;
}

/**
 * Two rules on token scopes across workflows:
 * - `branch-packages`: a job that can run for a ref other than main may not hold
 *   `packages: write` (it could push or move an image tag) unless its `if` requires
 *   {@link releaseBranchCondition}.
 * - `call-permissions`: a job calling a local reusable workflow grants at least what each job
 *   there declares (GitHub refuses the whole call otherwise, whatever the jobs' `if`).
 * @example checkBranchScopes(workflow, 'ci.yml', readLocal)
 */
export function checkBranchScopes(
  workflow: Json,
  file: string,
  readLocal: ReadLocal,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const offMain = runsOffMain(workflow);
  const topGrant = grantOf(workflow.permissions) ?? {};
  for (const [jobId, job] of jobsOf(workflow)) {
    const grant = grantOf(job.permissions) ?? topGrant;
    const guarded = typeof job.if === 'string' && job.if.includes(releaseBranchCondition);
    if (offMain && grant.packages === 'write' && !guarded) {
      problems.push({
        file,
        rule: 'branch-packages',
        message: `job ${jobId}: packages: write in a workflow that runs for pull requests or other branches; only main's image job may push images (add \`${releaseBranchCondition}\` to its if, or drop the scope)`,
      });
    }
    const called = typeof job.uses === 'string' ? readLocalUses(job.uses, readLocal) : undefined;
    const calledWorkflow = called === undefined ? undefined : parseMapping(called);
    if (!calledWorkflow) continue;
    const calledTop = grantOf(calledWorkflow.permissions) ?? {};
    for (const [calledId, calledJob] of jobsOf(calledWorkflow)) {
      const asks = grantOf(calledJob.permissions) ?? calledTop;
      for (const [scope, level] of Object.entries(asks)) {
        if ((levels[level] ?? 0) > (levels[grant[scope] ?? 'none'] ?? 0)) {
          problems.push({
            file,
            rule: 'call-permissions',
            message: `job ${jobId}: ${String(job.uses)} job ${calledId} needs ${scope}: ${level}, which this job does not grant`,
          });
        }
      }
    }
  }
  return problems;
}
