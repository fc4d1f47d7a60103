import type { ChangePlan } from './change-plan.ts';
import type { RepoFiles } from './repo-files.ts';

/**
 * The plan with its base: each file it writes as the view showed it to the planner (null when
 * it was not there), by its path before any move. {@link applyPlan} then refuses, writing
 * nothing, if one has changed since. Read from a snapshot view, so what the planner read is
 * what is compared.
 * @example applyPlan(root, withBase(plan, repo.files));
 */
export function withBase(plan: ChangePlan, files: RepoFiles): ChangePlan {
  const beforeMove = (path: string) => {
    const move = plan.moves?.find((m) => path.startsWith(`${m.to}/`));
    return move ? `${move.from}${path.slice(move.to.length)}` : path;
  };
  const base = plan.files.map((file) => beforeMove(file.path));
  return {
    ...plan,
    base: Object.fromEntries(base.map((path) => [path, files.read(path) ?? null])),
  };
}
