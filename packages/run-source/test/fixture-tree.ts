import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary workspace: files by relative path, and symlinks as npm links workspaces. */
export interface FixtureTree {
  readonly root: string;
  path(relative: string): string;
  remove(): void;
}

/**
 * Writes `files` into a new temporary folder and links `links` (`node_modules/@x/lib` →
 * `packages/lib`), the way npm links a workspace package.
 * @example createFixtureTree({ 'app/main.ts': 'export {};' }, { 'node_modules/@slipway/lib': 'packages/lib' })
 */
export function createFixtureTree(
  files: Readonly<Record<string, string>>,
  links: Readonly<Record<string, string>> = {},
): FixtureTree {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'run-source-')));
  const path = (relative: string) => join(root, relative);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(path(file)), { recursive: true });
    writeFileSync(path(file), content);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(dirname(path(link)), { recursive: true });
    symlinkSync(path(target), path(link), 'dir');
  }
  return { root, path, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A workspace with an app, a workspace package read from source and an installed package. */
export function createWorkspace(app: Readonly<Record<string, string>> = {}): FixtureTree {
  return createFixtureTree(
    {
      'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }),
      'packages/lib/package.json': JSON.stringify({
        name: '@slipway/lib',
        type: 'module',
        exports: { '.': { '@slipway/source': './src/index.ts', default: './dist/index.js' } },
      }),
      'packages/lib/src/index.ts':
        "export const libName: string = 'lib from source';\nexport const libUrl: string = import.meta.url;\n",
      'node_modules/counter/package.json': JSON.stringify({
        name: 'counter',
        type: 'module',
        exports: './index.js',
      }),
      // Installed code keeps module state: the bundle must share it with plain imports.
      'node_modules/counter/index.js':
        'export const installedBody = "counter body";\nlet count = 0;\nexport const next = () => ++count;\n',
      ...app,
    },
    { 'node_modules/@slipway/lib': 'packages/lib' },
  );
}
