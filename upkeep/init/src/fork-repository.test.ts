import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forkPackageRepositories } from './fork-repository.ts';

const root = mkdtempSync(join(tmpdir(), 'fork-repository-'));
const write = (path: string, content: object) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `${JSON.stringify(content, null, 2)}\n`);
};
// The url init's rename makes of the template's: the product name replaced in owner and name.
const renamedUrl = 'git+https://github.com/tmpl-fork/tmpl-fork.git';
write('packages/config/package.json', {
  name: '@tmpl/config',
  repository: { type: 'git', url: 'git+https://github.com/tmpl/tmpl.git', directory: 'x' },
  type: 'module',
});
write('packages/health/package.json', { name: '@tmpl/health' });
write('apps/orders/package.json', { name: 'orders', private: true });
afterAll(() => rmSync(root, { recursive: true, force: true }));

const workspaces = [
  { name: '@tmpl/config', dir: 'packages/config', private: false },
  { name: '@tmpl/health', dir: 'packages/health', private: false },
  { name: 'orders', dir: 'apps/orders', private: true },
];

describe('forkPackageRepositories', () => {
  const renamed = [
    {
      path: 'packages/config/package.json',
      content: `${JSON.stringify({
        name: '@tmpl-fork/config',
        repository: { type: 'git', url: renamedUrl, directory: 'x' },
        type: 'module',
      })}\n`,
    },
    { path: 'README.md', content: 'Tmpl-fork.\n' },
  ];
  const files = forkPackageRepositories(root, renamed, workspaces, 'acme/platform');
  const byPath = Object.fromEntries(files.map((f) => [f.path, f.content]));
  const manifest = (path: string) => JSON.parse(byPath[path] ?? '{}');

  it("points a renamed package at the fork's repository, in place, keeping the rename", () => {
    expect(manifest('packages/config/package.json')).toEqual({
      name: '@tmpl-fork/config',
      repository: {
        type: 'git',
        url: 'git+https://github.com/acme/platform.git',
        directory: 'packages/config',
      },
      type: 'module',
    });
    expect(Object.keys(manifest('packages/config/package.json'))).toEqual([
      'name',
      'repository',
      'type',
    ]);
  });

  it('gives a published package that had none the field, and leaves private ones and other files alone', () => {
    expect(manifest('packages/health/package.json').repository).toEqual({
      type: 'git',
      url: 'git+https://github.com/acme/platform.git',
      directory: 'packages/health',
    });
    expect(Object.keys(byPath).sort()).toEqual([
      'README.md',
      'packages/config/package.json',
      'packages/health/package.json',
    ]);
    expect(byPath['README.md']).toBe('Tmpl-fork.\n');
  });
});
