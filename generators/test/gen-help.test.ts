import { execFile, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/gen.js', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
/** What git sees as changed or new in the repository (it may have local changes of its own). */
const gitStatus = () =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });

describe('npm run gen -- <generator> -- --help', () => {
  it('lists the options of the init generator and exits 0 without writing', async () => {
    const before = gitStatus();
    const { stdout } = await run(process.execPath, [bin, 'init', '--', '--help'], {
      timeout: 120_000,
    });
    expect(stdout).toContain('Usage: npm run gen -- init --');
    for (const option of ['--scope', '--registry', '--cloud']) expect(stdout).toContain(option);
    expect(gitStatus()).toBe(before);
  }, 120_000);
});
