import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Workspace } from './workspaces.ts';

/** The folder that holds one folder per service. */
export const appsDir = 'apps';

/** The manifest file that makes a folder under `apps/` a deployable service. */
export const serviceManifestFile = 'service.yaml';

/** A deployable service: its name (the folder, also its image name) and its workspace. */
export interface Service {
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
export function listServices(root: string, workspaces: readonly Workspace[]): Service[] {
  return workspaces
    .filter((ws) => {
      const parts = ws.dir.split('/');
      return (
        parts.length === 2 &&
        parts[0] === appsDir &&
        existsSync(join(root, ws.dir, serviceManifestFile))
      );
    })
    .map((ws) => ({ name: ws.dir.split('/')[1] ?? ws.name, packageName: ws.name, dir: ws.dir }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
