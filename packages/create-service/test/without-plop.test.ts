import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, removeSandbox, runCli, unusedServiceName } from './helpers/repo-sandbox.ts';

const forbidPlop = fileURLToPath(new URL('./helpers/forbid-plop.mjs', import.meta.url));

let root: string;
beforeAll(() => {
  root = createSandbox();
});
afterAll(() => removeSandbox(root));

describe('npm create @slipway/service without a terminal', () => {
  it('plans and writes a service without loading plop: it calls the generator directly', async () => {
    const name = unusedServiceName('plopless');
    const run = await runCli(['--name', name, '--yes', '--no-install'], root, {
      nodeArgs: ['--import', forbidPlop],
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ write: wrote');
    expect(readFileSync(join(root, `apps/${name}/service.yaml`), 'utf8')).toContain(
      `name: ${name}`,
    );
  });
});
