import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/gen.js', import.meta.url));

describe('npm run gen -- <generator> -- --help', () => {
  it('lists the options of the init generator and exits 0 without writing', async () => {
    const { stdout } = await run(process.execPath, [bin, 'init', '--', '--help'], {
      timeout: 120_000,
    });
    expect(stdout).toContain('Usage: npm run gen -- init --');
    for (const option of ['--scope', '--registry', '--cloud']) expect(stdout).toContain(option);
  }, 120_000);
});
