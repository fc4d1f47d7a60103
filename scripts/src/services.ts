import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import type { Workspace } from './workspaces.ts';

/** A deployable service: its name (the folder, also its image name) and its workspace. */
export interface DeployableService {
  /** The service name: the folder under `apps/`, a DNS-1123 label. */
  readonly name: string;
  /** The npm package name, what `turbo prune` and the Dockerfile's SERVICE take. */
  readonly packageName: string;
  readonly dir: string;
}

/**
 * Every workspace under `apps/` that has a `service.yaml`, sorted by name. Only the folder
 * layout is read here: the manifest's contents are validated by the service-manifest package.
 * @example listServices(root, readWorkspaces(root)).map((s) => s.name) // ['gateway', 'orders']
 */
export function listServices(root: string, workspaces: readonly Workspace[]): DeployableService[] {
  return workspaces
    .map((ws) => ({ name: posix.basename(ws.dir), packageName: ws.name, dir: ws.dir }))
    .filter(
      (service) =>
        service.dir === serviceDir(service.name) &&
        existsSync(join(root, serviceManifestPath(service.name))),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
