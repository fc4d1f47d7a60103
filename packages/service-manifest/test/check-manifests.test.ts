import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';

const binPath = fileURLToPath(new URL('../bin/check-manifests.ts', import.meta.url));
const roots: string[] = [];

function repoWith(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-check-'));
  roots.push(root);
  for (const [folder, text] of Object.entries(manifests)) {
    mkdirSync(join(root, serviceDir(folder)), { recursive: true });
    writeFileSync(join(root, serviceManifestPath(folder)), text);
  }
  return root;
}

/** Runs the check as `npm test` does: plain Node on the TypeScript, with the source condition. */
function check(root: string) {
  return spawnSync(process.execPath, ['--conditions=@slipway/source', binPath, root], {
    encoding: 'utf8',
  });
}

const valid = 'name: orders\ndescription: Orders.\nport: 3001\n';

describe('check-manifests', () => {
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  it('should exit 0 and print nothing when every manifest is valid', () => {
    const run = check(repoWith({ orders: valid }));
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('should exit 1 and name the file and line of a manifest that is not valid YAML', () => {
    const run = check(repoWith({ orders: `${valid}calls: [gateway\n` }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/apps\/orders\/service\.yaml:\d+:\d+/);
  });

  it('should exit 0 but warn about egress wider than /16, pointing at its line', () => {
    const wide = `${valid}egress:\n  - name: postgres\n    cidr: 10.0.0.0/8\n    ports: [5432]\n`;
    const run = check(repoWith({ orders: wide }));
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(
      "warning: apps/orders/service.yaml: service 'orders', field 'egress.0.cidr': '10.0.0.0/8' is wider than /16",
    );
    expect(run.stderr).toContain('--> apps/orders/service.yaml:6:11');
  });

  it('should exit 1 and say how to fix egress to 0.0.0.0/0 without a reason', () => {
    const open = `${valid}egress:\n  - name: stripe\n    cidr: 0.0.0.0/0\n    ports: [443]\n`;
    const run = check(repoWith({ orders: open }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("field 'egress.0.cidr': must not open egress to every address");
    expect(run.stderr).toContain('add egress.0.reason');
  });

  it('should find nothing to report in the repository itself', () => {
    const run = check(fileURLToPath(new URL('../../..', import.meta.url)));
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('should exit 1 and suggest the field a misspelt key meant', () => {
    const run = check(repoWith({ orders: valid.replace('port', 'prot') }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apps/orders/service.yaml:3');
    expect(run.stderr).toContain('port');
  });
});
