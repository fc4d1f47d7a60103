import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '@slipway/generators';
import { type Cloud, clouds, clusterClouds, clusterProgram } from '@slipway/platform-contract';
import { forkTextFiles } from './fork-text-files.ts';
import { stripMarkedBlocks } from './marked-blocks.ts';

/** What leaving the other clouds out of a fork changes. */
export interface CloudsLeftOut {
  /** The files whose other clouds' blocks went (or only their own markers), on top of `planned`. */
  readonly files: PlannedFile[];
  /** The other clouds' cluster programs and docs pages, and any file that was only their block. */
  readonly removals: string[];
}

/** The marker a block about one cloud is tagged with: `<!-- cloud aws -->` … `<!-- /cloud aws -->`. */
const cloudTag = (cloud: Cloud) => `cloud ${cloud}`;

/**
 * Leaves the clouds a fork does not deploy to out of it: their cluster programs and docs pages go,
 * and every text file loses the blocks marked for another cloud (a docs index's link to a page
 * that goes), while the blocks of the fork's own cloud lose only their marker lines. `planned`
 * are the files init already rewrites: their new content is the one stripped.
 * @example const { files, removals } = leaveOutClouds(root, renamed, 'aws') // removes infra/cluster-gke, docs/clusters/gke.md...
 */
export function leaveOutClouds(
  root: string,
  planned: readonly PlannedFile[],
  cloud: Cloud,
): CloudsLeftOut {
  const removed = clusterClouds
    .filter((other) => other !== cloud)
    .flatMap((other) => [clusterProgram(other), clouds[other].docsPage])
    .filter((path) => existsSync(join(root, path)));
  const forkText = (path: string, text: string) =>
    clusterClouds.reduce(
      (kept, each) =>
        stripMarkedBlocks(kept, cloudTag(each), { path, keepContent: each === cloud }),
      text,
    );
  const { files, emptied } = forkTextFiles(root, planned, forkText, (path) =>
    removed.some((gone) => path === gone || path.startsWith(`${gone}/`)),
  );
  return { files, removals: [...removed, ...emptied] };
}
