import {
  actionName,
  isRecord,
  type Json,
  jobsOf,
  parseMapping,
  type ReadLocal,
  readLocalUses,
  stepsOf,
} from './workflow-yaml.ts';

/** What a job does, local actions and called workflows expanded. */
export interface JobUse {
  /** The actions its steps use, by name (`changesets/action`). */
  readonly actions: Set<string>;
  /** The `run:` scripts of its steps. */
  readonly runs: string[];
}

function collectSteps(steps: Json[], readLocal: ReadLocal, into: JobUse, depth: number): void {
  for (const step of steps) {
    if (typeof step.run === 'string') into.runs.push(step.run);
    if (typeof step.uses !== 'string') continue;
    into.actions.add(actionName(step.uses));
    const local = depth < 5 ? readLocalUses(step.uses, readLocal) : undefined;
    const action = local === undefined ? undefined : parseMapping(local);
    if (action && isRecord(action.runs))
      collectSteps(stepsOf(action.runs), readLocal, into, depth + 1);
  }
}

/**
 * The actions and scripts a job runs: its steps, the steps of the local actions they use, and
 * the jobs of the local reusable workflow it calls.
 * @example jobUse(job, readLocal).actions.has('changesets/action')
 */
export function jobUse(job: Json, readLocal: ReadLocal): JobUse {
  const use: JobUse = { actions: new Set(), runs: [] };
  collectSteps(stepsOf(job), readLocal, use, 0);
  const called = typeof job.uses === 'string' ? readLocalUses(job.uses, readLocal) : undefined;
  const workflow = called === undefined ? undefined : parseMapping(called);
  for (const [, calledJob] of workflow ? jobsOf(workflow) : []) {
    collectSteps(stepsOf(calledJob), readLocal, use, 1);
  }
  return use;
}
