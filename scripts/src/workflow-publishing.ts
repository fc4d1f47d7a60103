import type { JobUse } from './workflow-job-use.ts';
import { actionName, isRecord, type Json, stepsOf, type WorkflowProblem } from './workflow-yaml.ts';

/** The action that opens the version PR. It writes `GITHUB_TOKEN` into `~/.netrc` first. */
const versionPullRequestAction = 'changesets/action';

/** A `run:` that publishes packages to npm. */
const publishCommand = /\b(?:npm|changeset) publish\b/;

/** The one grant a publishing job holds: read the code, and an OIDC token for npm. */
const publishingPermissions: Readonly<Record<string, string>> = {
  contents: 'read',
  'id-token': 'write',
};

const describe = (permissions: unknown) =>
  isRecord(permissions)
    ? Object.entries(permissions)
        .map(([scope, level]) => `${scope}: ${String(level)}`)
        .join(', ')
    : String(permissions ?? 'none');

/**
 * The release rules, for one job: versioning and publishing are separate jobs. The job that
 * runs changesets/action (which writes `GITHUB_TOKEN` into `~/.netrc` before anything else,
 * undoing `persist-credentials: false`) holds no `id-token: write` and publishes nothing, not
 * even through the action's `publish` input; the job that publishes holds exactly
 * `contents: read` and `id-token: write` (npm trusted publishing) and runs in an environment,
 * whose deployment branches npm's trusted publisher is bound to.
 * @example checkPublishing(job, jobUse(job, readLocal), 'job publish', 'release.yml') // []
 */
export function checkPublishing(
  job: Json,
  use: JobUse,
  where: string,
  file: string,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const report = (message: string) => problems.push({ file, rule: 'release-split', message });
  const permissions = isRecord(job.permissions) ? job.permissions : {};
  const versions = use.actions.has(versionPullRequestAction);
  const publishes = use.runs.some((run) => publishCommand.test(run));
  if (versions && permissions['id-token'] === 'write') {
    report(
      `${where}: ${versionPullRequestAction} writes GITHUB_TOKEN into ~/.netrc; run it in a job without \`id-token: write\` and publish from another`,
    );
  }
  const actionPublishes = stepsOf(job).some(
    (step) =>
      typeof step.uses === 'string' &&
      actionName(step.uses) === versionPullRequestAction &&
      isRecord(step.with) &&
      step.with.publish !== undefined,
  );
  if (actionPublishes) {
    report(
      `${where}: ${versionPullRequestAction} must not publish (\`publish:\`); a job of its own with \`id-token: write\` does`,
    );
  }
  if (!publishes) return problems;
  if (versions) {
    report(`${where}: publishes in the job that runs ${versionPullRequestAction}; split them`);
  }
  const expected = describe(publishingPermissions);
  if (describe(job.permissions) !== expected) {
    report(
      `${where}: a publishing job's permissions are exactly ${expected} (has ${describe(job.permissions)})`,
    );
  }
  if (job.environment === undefined) {
    report(
      `${where}: publishes outside an environment; name the one npm's trusted publisher trusts`,
    );
  }
  return problems;
}
