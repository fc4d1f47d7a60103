import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const binPath = fileURLToPath(new URL('../bin/check-manifests.ts', import.meta.url));
const roots: string[] = [];

function repoWith(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-check-'));
  roots.push(root);
  for (const [folder, text] of Object.entries(manifests)) {
    mkdirSync(join(root, 'apps', folder), { recursive: true });
    writeFileSync(join(root, 'apps', folder, 'service.yaml'), text);
  }
  return root;
}

/** Runs the check as `npm test` does: plain Node with tsx. */
function check(root: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', binPath, root], { encoding: 'utf8' });
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

  it('should exit 1 and suggest the field a misspelt key meant', () => {
    const run = check(repoWith({ orders: valid.replace('port', 'prot') }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('apps/orders/service.yaml:3');
    expect(run.stderr).toContain('port');
  });
});
