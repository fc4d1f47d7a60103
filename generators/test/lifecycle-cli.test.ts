import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyRepository, type RepoCopy } from '../src/testing/repo-copy.js';

// The flags of remove-service as people type them, through plop, in a copy of the repository
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
    const config = readFileSync(join(copy.root, 'apps/gateway/src/config.ts'), 'utf8');
    expect(config).not.toContain('ORDERS_URL');
  }, 120_000);
});
