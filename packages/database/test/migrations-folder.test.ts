import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findMigrationsFolder } from '../src/index.ts';

const root = mkdtempSync(join(tmpdir(), 'migrations-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function service(name: string, folders: { migrations?: string[] } = {}) {
  const dir = join(root, name);
  mkdirSync(join(dir, 'src', 'db'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}');
  for (const at of folders.migrations ?? []) {
    mkdirSync(join(dir, at, 'migrations', 'meta'), { recursive: true });
    writeFileSync(join(dir, at, 'migrations', 'meta', '_journal.json'), '{}');
  }
  return dir;
}

describe('findMigrationsFolder', () => {
  it("finds the service's own migrations from its source", () => {
    const dir = service('from-source', { migrations: ['.'] });
    expect(findMigrationsFolder(pathToFileURL(join(dir, 'src', 'db', 'database.ts')))).toBe(
      join(dir, 'migrations'),
    );
  });

  it('finds the copy beside a bundle first', () => {
    const dir = service('bundle', { migrations: ['.', 'dist'] });
    mkdirSync(join(dir, 'dist'), { recursive: true });
    expect(findMigrationsFolder(pathToFileURL(join(dir, 'dist', 'index.js')))).toBe(
      join(dir, 'dist', 'migrations'),
    );
  });

  it('stops at the package and says how to make one', () => {
    const dir = service('none');
    expect(() => findMigrationsFolder(pathToFileURL(join(dir, 'src', 'db', 'x.ts')))).toThrow(
      /no migrations folder .* run npm run db:generate/,
    );
  });
});
