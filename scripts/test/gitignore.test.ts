import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// The repository's .gitignore, alone in a fresh repository, asked through git itself: the rules
// are read exactly as git reads them, and no global excludes file can hide a missing rule.
const root = scriptsRepoRoot(process.cwd());

describe('.gitignore', () => {
  let dir = '';
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'core.excludesFile=', ...args], { cwd: dir, encoding: 'utf8' });
  const ignored = (path: string) => {
    const result = git('check-ignore', '--no-index', '--quiet', path);
    if (result.status !== 0 && result.status !== 1) throw new Error(result.stderr);
    return result.status === 0;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-gitignore-'));
    expect(git('init', '--quiet').status).toBe(0);
    copyFileSync(join(root, '.gitignore'), join(dir, '.gitignore'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['.env', 'apps/x/.env', 'packages/y/.env', '.env.local', 'apps/x/.env.production'])(
    'ignores %s, where local secrets live',
    (path) => {
      expect(ignored(path)).toBe(true);
    },
  );

  it.each(['.env.example', 'apps/x/.env.example', '.nvmrc', 'apps/x/service.yaml'])(
    'keeps %s in git',
    (path) => {
      expect(ignored(path)).toBe(false);
    },
  );
});
