import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

interface LockEntry {
  readonly optionalDependencies?: Record<string, string>;
}

describe('package-lock.json', () => {
  // `npm ci` refuses a lockfile that lacks an optional dependency of any platform, so a
  // lockfile written where a registry lacked, say, the macOS build of a tool breaks every fork.
  it('records the optional dependencies of every platform, so npm ci works on all of them', () => {
    const root = scriptsRepoRoot(process.cwd());
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    };
    const recorded = new Set(
      Object.keys(lock.packages).map((path) => path.replace(/^.*node_modules\//, '')),
    );
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !recorded.has(name))
        .map((name) => `${name} (optional dependency of ${path || 'the root'})`),
    );
    expect(missing).toEqual([]);
  });
});
