import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findRepositoryRoot,
  listWorkspaceDirs,
  RepositoryNotFoundError,
  serviceDir,
  serviceManifestPath,
} from './repository.ts';

const root = mkdtempSync(join(tmpdir(), 'repository-'));
const write = (path: string, content: object) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), JSON.stringify(content));
};
write('package.json', { workspaces: ['apps/*', 'packages/*', 'tools', 'infra/cluster-*'] });
write('apps/orders/package.json', { name: 'orders' });
write('apps/.hidden/package.json', {});
mkdirSync(join(root, 'apps/empty'));
write('packages/config/package.json', {});
write('tools/package.json', {});
write('infra/cluster-eks/package.json', {});
write('infra/platform/package.json', {});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the repository model', () => {
  it('finds the root from a folder inside it', () => {
    expect(findRepositoryRoot(join(root, 'apps/orders'))).toBe(root);
  });

  it('says when no folder above has workspaces', () => {
    expect(() => findRepositoryRoot(tmpdir())).toThrow(RepositoryNotFoundError);
  });

  it('lists the workspace folders npm sees, sorted', () => {
    expect(listWorkspaceDirs(root)).toEqual([
      'apps/orders',
      'infra/cluster-eks',
      'packages/config',
      'tools',
    ]);
  });

  it("places a service's manifest in its folder", () => {
    expect(serviceManifestPath('orders')).toBe('apps/orders/service.yaml');
  });

  it("names a service's folder under the services folder", () => {
    expect(serviceDir('billing')).toBe('apps/billing');
  });
});
