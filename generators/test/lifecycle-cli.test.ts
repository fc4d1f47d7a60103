import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, type RepoCopy } from '../src/testing/repo-copy.ts';

// The flags of remove-service and rename-service as people type them, through plop, in a copy of the repository
// (node_modules linked, nothing installed: SLIPWAY_SKIP_LINK).
const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let copy: RepoCopy;
beforeAll(() => {
  copy = copyRepository(repoRoot, { nodeModules: 'symlink', services: ['gateway', 'orders'] });
});
afterAll(() => copy.remove());

async function gen(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(copy.root, 'generators/bin/gen.js'), ...args],
      { env: { ...process.env, SLIPWAY_SKIP_LINK: '1' }, timeout: 120_000 },
    );
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('npm run gen -- rename-service, of a service with a database', () => {
  it('refuses without -- --replace-data, naming it, and takes it as the answer', async () => {
    const refused = await gen(['rename-service', 'orders', 'purchases']);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('orders declares postgres: in its manifest');
    expect(refused.output).toContain('-- --replace-data');
    // With the flag only the other problem is left (the name is taken): nothing is written.
    const accepted = await gen(['rename-service', 'orders', 'gateway', '--', '--replace-data']);
    expect(accepted.code).toBe(1);
    expect(accepted.output).toContain("The name 'gateway' is taken");
    expect(accepted.output).not.toContain('declares postgres');
    expect(existsSync(join(copy.root, 'apps/orders'))).toBe(true);
  }, 240_000);
});

describe('npm run gen -- remove-service', () => {
  it('without a terminal, refuses a service that is still called, naming the flag', async () => {
    const { code, output } = await gen(['remove-service', 'orders']);
    expect(code).toBe(1);
    expect(output).toContain('orders is still called by gateway');
    expect(existsSync(join(copy.root, 'apps/orders'))).toBe(true);
  }, 120_000);

  it('takes -- --force-callers as the answer to its question', async () => {
    const { code, output } = await gen(['remove-service', 'orders', '--', '--force-callers']);
    expect(output).not.toContain('ERROR');
    expect(code).toBe(0);
    expect(existsSync(join(copy.root, 'apps/orders'))).toBe(false);
    // SLIPWAY_SKIP_LINK: nothing was linked, so npm install comes first.
    expect(output).toContain(
      'Next steps:\n  1. npm install: links the workspaces as they are now and updates package-lock.json (this run did not)\n  2. npm test: what used orders fails to compile',
    );
    const config = readFileSync(join(copy.root, 'apps/gateway/src/config.ts'), 'utf8');
    expect(config).not.toContain('ORDERS_URL');
  }, 120_000);
});

describe('npm run gen -- rename-service', () => {
  it('prints the next steps once the service has its new name', async () => {
    const { code, output } = await gen(['rename-service', 'gateway', 'portal']);
    expect(output).not.toContain('ERROR');
    expect(code).toBe(0);
    expect(existsSync(join(copy.root, 'apps/portal/service.yaml'))).toBe(true);
    expect(output).toContain('Next steps:\n  1. npm install: links the workspaces');
    expect(output).toContain("  3. git grep -nw 'gateway': what still names it");
    expect(output).toContain('the next deploy creates portal and deletes gateway');
  }, 120_000);
});
