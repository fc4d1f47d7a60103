import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throw-away repository on disk: `files` maps relative paths to their text. */
export interface FixtureRepo {
  readonly root: string;
  path(relative: string): string;
  remove(): void;
}

/**
 * Writes a temporary workspace repository with the given files.
 * @example const repo = createFixtureRepo({ 'apps/a/service.yaml': 'name: a\nport: 4000\n' });
 */
export function createFixtureRepo(files: Readonly<Record<string, string>>): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), 'slipway-dev-'));
  const all = { 'package.json': '{ "private": true, "workspaces": ["apps/*"] }\n', ...files };
  for (const [file, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return {
    root,
    path: (relative) => join(root, relative),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
