import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile, WorkspacePackage } from '@slipway/generators';
import {
  githubRepositoryOfRemote,
  githubRepositorySchema,
  packageRepository,
  repositoryFiles,
} from '@slipway/platform-contract';

/**
 * The GitHub repository the clone's `origin` remote points at, or undefined (no git, no
 * origin, another host): a fork cloned from GitHub needs no `--repository`.
 * @example originRepository(root) // 'acme/platform'
 */
export function originRepository(root: string): string | undefined {
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return githubRepositoryOfRemote(remote);
  } catch {
    return undefined;
  }
}

/**
 * Why `repository` cannot be the fork's GitHub repository, or undefined.
 * @example repositoryProblem('acme') // "The repository 'acme' is not a GitHub repository: ..."
 */
export function repositoryProblem(repository: string): string | undefined {
  if (repository === '') {
    return "Init cannot tell this fork's GitHub repository (no 'origin' remote on github.com): pass --repository <owner>/<name>, such as 'acme/platform'. npm refuses to publish a package whose repository names another one.";
  }
  const result = githubRepositorySchema.safeParse(repository);
  return result.success
    ? undefined
    : `The repository '${repository}' is not a GitHub repository: it ${result.error.issues[0]?.message}.`;
}

/**
 * The `repository` field of every published workspace set to the fork's repository and the
 * package's folder, over the files init already plans (the rename would otherwise turn the
 * template's url into the product name's). Private workspaces are never published.
 * @example forkPackageRepositories(root, renamed, catalog.workspaces, 'acme/platform')
 */
export function forkPackageRepositories(
  root: string,
  planned: readonly PlannedFile[],
  workspaces: readonly WorkspacePackage[],
  repository: string,
): PlannedFile[] {
  const byPath = new Map(planned.map((file) => [file.path, file.content]));
  for (const workspace of workspaces) {
    if (workspace.private) continue;
    const path = `${workspace.dir}/${repositoryFiles.rootPackage}`;
    const content = byPath.get(path) ?? readFileSync(join(root, path), 'utf8');
    const manifest = JSON.parse(content) as Record<string, unknown>;
    manifest.repository = packageRepository(repository, workspace.dir);
    byPath.set(path, `${JSON.stringify(manifest, null, 2)}\n`);
  }
  return [...byPath].map(([path, content]) => ({ path, content }));
}
