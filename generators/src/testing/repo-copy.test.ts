import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRepository, type RepoCopy } from './repo-copy.js';

const made: string[] = [];
const copies: RepoCopy[] = [];

/** A repository that is not a git work tree (copied by walking it), with these manifests. */
function repoWith(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-source-'));
  made.push(root);
  for (const [service, text] of Object.entries(manifests)) {
    mkdirSync(join(root, 'apps', service), { recursive: true });
    writeFileSync(join(root, 'apps', service, 'service.yaml'), text);
  }
  return root;
}

function copyOf(source: string, services: string[]): RepoCopy {
  const copy = copyRepository(source, { services, nodeModules: 'symlink' });
  copies.push(copy);
  return copy;
}

describe('copyRepository', () => {
  afterEach(() => {
    for (const copy of copies.splice(0)) copy.remove();
    for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('should drop calls to services the copy leaves out, keeping comments', () => {
    const source = repoWith({
      gateway: '# the front door\nname: gateway\ncalls: [orders, billing]\n',
      orders: 'name: orders\ncalledBy: [gateway]\n',
      billing: 'name: billing\ncalledBy: [gateway]\n',
    });
    const copy = copyOf(source, ['gateway', 'orders']);
    expect(readFileSync(join(copy.root, 'apps/gateway/service.yaml'), 'utf8')).toBe(
      '# the front door\nname: gateway\ncalls: [ orders ]\n',
    );
  });

  it('should copy a manifest that is not valid YAML unchanged instead of throwing', () => {
    const broken = 'name: orders\ncalls: [gateway\nport: 3001\n';
    const source = repoWith({ gateway: 'name: gateway\n', orders: broken });
    const copy = copyOf(source, ['gateway', 'orders']);
    expect(readFileSync(join(copy.root, 'apps/orders/service.yaml'), 'utf8')).toBe(broken);
  });
});
