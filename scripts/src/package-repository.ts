import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  listWorkspaceDirs,
  packageRepository,
  readPlatformFile,
  repositoryFiles,
} from '@slipway/platform-contract';

interface PublishedManifest {
  name?: string;
  private?: boolean;
  repository?: unknown;
}

/**
 * Why a published workspace's `repository` field would make npm refuse its provenance (E422),
 * one problem a package: each must be `{ type: 'git', url, directory }` with the url of the
 * repository `platform.json` names and its own folder. Private workspaces are never published.
 * @example packageRepositoryProblems(root) // ['packages/config: repository is missing ...']
 */
export function packageRepositoryProblems(root: string): string[] {
  const { repository } = readPlatformFile(root);
  return listWorkspaceDirs(root).flatMap((dir) => {
    const file = join(root, dir, repositoryFiles.rootPackage);
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as PublishedManifest;
    if (manifest.private === true) return [];
    const expected = packageRepository(repository, dir);
    if (isDeepStrictEqual(manifest.repository, expected)) return [];
    const found =
      manifest.repository === undefined ? 'missing' : JSON.stringify(manifest.repository);
    return [
      `${dir}/package.json: repository is ${found}; set it to ${JSON.stringify(expected)} (${repositoryFiles.platform} names ${repository}; npm refuses provenance for a package whose repository.url names another repository)`,
    ];
  });
}
