import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyRepository, type RepoCopy } from './repo-copy.ts';

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

  it('should hard-link node_modules again when cp fails halfway, instead of running into its partial tree', () => {
    const source = repoWith({});
    // An installed dependency, as npm left it: the copy's `npm install --offline` keeps it.
    const installed = { 'node_modules/left-pad': { version: '1.0.0' } };
    const pkg = { name: 'fixture', private: true, dependencies: { 'left-pad': '1.0.0' } };
    writeFileSync(join(source, 'package.json'), JSON.stringify(pkg));
    mkdirSync(join(source, 'node_modules/left-pad'), { recursive: true });
    writeFileSync(
      join(source, 'node_modules/.package-lock.json'),
      JSON.stringify({ name: 'fixture', lockfileVersion: 3, requires: true, packages: installed }),
    );
    writeFileSync(
      join(source, 'node_modules/left-pad/package.json'),
      '{ "name": "left-pad", "version": "1.0.0" }',
    );
    writeFileSync(join(source, 'node_modules/left-pad/index.js'), 'export {};\n');
    // A cp that links the tree, then fails as cp does when an entry vanished while it copied
    // (another process rewriting a cache): the destination is left half-made.
    const bin = mkdtempSync(join(tmpdir(), 'slipway-cp-'));
    made.push(bin);
    writeFileSync(join(bin, 'cp'), '#!/bin/sh\n/bin/cp "$@"\nexit 1\n');
    chmodSync(join(bin, 'cp'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path}`;
    try {
      const copy = copyRepository(source);
      copies.push(copy);
      const file = join(copy.root, 'node_modules/left-pad/index.js');
      expect(readFileSync(file, 'utf8')).toBe('export {};\n');
      expect(statSync(file).ino).toBe(statSync(join(source, 'node_modules/left-pad/index.js')).ino);
      expect(existsSync(join(copy.root, 'node_modules/node_modules'))).toBe(false);
      expect(readdirSync(copy.root).filter((f) => f.includes('.linking-'))).toEqual([]);
    } finally {
      process.env.PATH = path;
    }
  });
});
