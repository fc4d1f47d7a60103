import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRepoRoot } from './find-repo-root.ts';

const root = mkdtempSync(join(tmpdir(), 'find-root-'));
mkdirSync(join(root, 'repo/generators'), { recursive: true });
mkdirSync(join(root, 'repo/apps/orders/src'), { recursive: true });
writeFileSync(join(root, 'repo/package.json'), '{ "workspaces": ["apps/*"] }');
writeFileSync(join(root, 'repo/apps/orders/package.json'), '{ "name": "orders" }');
writeFileSync(join(root, 'repo/generators/plopfile.ts'), 'export default () => {};');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findRepoRoot', () => {
  it('finds the repository from a folder deep inside it, past workspace package.json files', () => {
    expect(findRepoRoot(join(root, 'repo/apps/orders/src'))).toBe(join(root, 'repo'));
  });

  it('returns undefined outside any repository', () => {
    expect(findRepoRoot(root)).toBeUndefined();
  });
});
