import { checkBranchScopes } from './workflow-branch-scopes.ts';
import { jobUse } from './workflow-job-use.ts';
import { checkPublishing } from './workflow-publishing.ts';
import {
  isRecord,
  jobsOf,
  parseMapping,
  type ReadLocal,
  type WorkflowProblem,
} from './workflow-yaml.ts';

export type { WorkflowProblem } from './workflow-yaml.ts';

const noLocal: ReadLocal = () => undefined;

/**
 * Checks one workflow file against the rules no published linter knows, because they are about
 * how this project delivers (zizmor and actionlint do the general hygiene: pins, credentials,
 * injection, triggers, permissions): one deploy at a time per environment (`deploy-concurrency`),
 * no `packages: write` where a branch or pull request runs and a caller granting what its called
 * workflow declares (workflow-branch-scopes), versioning apart from publishing (`release-split`,
 * workflow-publishing). `readLocal` lets the rules see into local actions and reusable workflows.
 * @example expect(checkWorkflow(readFileSync(file, 'utf8'), file, readLocal)).toEqual([]);
 */
export function checkWorkflow(
  text: string,
  file: string,
  readLocal: ReadLocal = noLocal,
): WorkflowProblem[] {
  const workflow = parseMapping(text);
  if (!workflow) return [{ file, rule: 'parse', message: 'not a YAML mapping' }];
  const problems = checkBranchScopes(workflow, file, readLocal);
  for (const [jobId, job] of jobsOf(workflow)) {
    const where = `job ${jobId}`;
    if (job.environment !== undefined) {
      const env = isRecord(job.environment) ? job.environment.name : job.environment;
      const group = isRecord(job.concurrency) ? job.concurrency.group : job.concurrency;
      if (typeof group !== 'string' || (typeof env === 'string' && !group.includes(env))) {
        problems.push({
          file,
          rule: 'deploy-concurrency',
          message: `${where}: deploys to ${String(env)} without a concurrency group for it`,
        });
      }
    }
    problems.push(...checkPublishing(job, jobUse(job, readLocal), where, file));
  }
  return problems;
}
