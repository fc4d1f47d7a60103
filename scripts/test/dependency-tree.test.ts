import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

interface LockEntry {
  readonly version?: string;
  readonly hasInstallScript?: boolean;
  readonly link?: boolean;
}

const root = scriptsRepoRoot(process.cwd());
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines?: { node?: string };
  allowScripts?: Record<string, boolean>;
};

/** Every installed copy of a package, as `path@version`. */
function copiesOf(name: string): string[] {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.endsWith(`node_modules/${name}`) && !entry.link)
    .map(([path, entry]) => `${path}@${entry.version}`);
}

const packageName = (path: string) => path.replace(/^.*node_modules\//, '');

// What the README's "Versions" section promises about the installed tree.
describe('the installed dependency tree', () => {
  it.each([
    ['esbuild', 'drizzle-kit and @esbuild-kit use the root esbuild through overrides'],
    ['@pulumi/pulumi', "Pulumi's optional TypeScript peer points at TypeScript 7"],
    ['typescript', 'the classic compiler is not installed beside TypeScript 7'],
    ['vitest', 'infra-testing and the root share one test runner'],
  ])('holds one copy of %s (%s)', (name) => {
    expect(copiesOf(name)).toHaveLength(1);
  });

  it('type-checks with TypeScript 7, the native compiler', () => {
    expect(copiesOf('typescript')[0]).toMatch(/@7\.\d+\.\d+$/);
  });

  it('runs no install script: allowScripts decides for every package that has one', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => packageName(path));
    expect(withScripts.length).toBeGreaterThan(0);
    const undecided = withScripts.filter((name) => rootPackage.allowScripts?.[name] === undefined);
    expect(undecided).toEqual([]);
    expect(Object.values(rootPackage.allowScripts ?? {}).every((allowed) => !allowed)).toBe(true);
  });

  it('requires Node 24 or newer, at the root and in every workspace', () => {
    expect(rootPackage.engines?.node).toBe('>=24');
    const workspaces = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !path.includes('node_modules/') && !entry.link)
      .map(([path]) => path);
    expect(workspaces.length).toBeGreaterThan(10);
    const engines = workspaces.map((dir) => {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
        engines?: { node?: string };
      };
      return [dir, pkg.engines?.node];
    });
    expect(engines.filter(([, node]) => node !== rootPackage.engines?.node)).toEqual([]);
  });
});
