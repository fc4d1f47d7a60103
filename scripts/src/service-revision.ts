import { type CommitSha, parseCommitSha } from './commit-sha.ts';
import { workspaceClosure } from './dependency-graph.ts';
import { bookkeepingPattern, imageGlobalPatterns } from './detect-changes.ts';
import { git } from './git.ts';
import type { DeployableService } from './services.ts';
import type { Workspace } from './workspaces.ts';

/**
 * The git pathspecs of everything that goes into one service's image: its folder, the folder of
 * every workspace it depends on (transitively, as turbo's graph links them) and the global
 * inputs (root manifests, lockfile, docker/, turbo.json's globalDependencies). The same inputs
 * detect-changes weighs, so "changed" and "last changed at" never disagree.
 * @example imagePathspecs(workspaces, orders, globals) // [':(glob)apps/orders/**', …]
 */
function imagePathspecs(
  workspaces: readonly Workspace[],
  service: DeployableService,
  globalPatterns: readonly string[],
): string[] {
  const dirs = [service.dir];
  const closure = workspaceClosure(workspaces, service.packageName);
  for (const ws of workspaces) if (closure.has(ws.name)) dirs.push(ws.dir);
  return [
    ...dirs.sort().map((dir) => `:(glob)${dir}/**`),
    ...globalPatterns.map((pattern) => `:(glob)${pattern.replace(/^\.\//, '')}`),
    `:(exclude,glob)${bookkeepingPattern}`,
  ];
}

/** Inputs of {@link serviceRevisions}. */
export interface ServiceRevisionsInput {
  readonly root: string;
  readonly workspaces: readonly Workspace[];
  readonly services: readonly DeployableService[];
  /** The commit being deployed: revisions are looked up in its history. */
  readonly sha: CommitSha;
  /**
   * The revision of a service that `sha` does not have yet (a pull request adding one, previewed
   * against its base). Without it, such a service is an error.
   */
  readonly fallback?: CommitSha;
}

/**
 * For each service, the commit that last changed its image inputs, as of `sha`: the tag its
 * image carries. A service nothing touched since the last deploy keeps the same tag, hence the
 * same image, and Pulumi sees no change. `--first-parent` keeps the answer on the deployed
 * branch: a merged pull request counts as its merge commit, the commit main actually deployed.
 * @throws Error when git finds no such commit (the service is not in `sha`'s history).
 * @example serviceRevisions({ root, workspaces, services, sha }).gateway // '3f78…' (older than sha)
 */
export function serviceRevisions({
  root,
  workspaces,
  services,
  sha,
  fallback,
}: ServiceRevisionsInput): Record<string, CommitSha> {
  const globals = imageGlobalPatterns(root);
  const revisions: Record<string, CommitSha> = {};
  for (const service of services) {
    const specs = imagePathspecs(workspaces, service, globals);
    const found = git(root, ['log', '-1', '--first-parent', '--format=%H', sha, '--', ...specs]);
    if (found === '' && fallback) revisions[service.name] = fallback;
    else if (found === '') throw new Error(`no commit up to ${sha} touches ${service.dir}`);
    else revisions[service.name] = parseCommitSha(found, `last change of ${service.name}`);
  }
  return revisions;
}
