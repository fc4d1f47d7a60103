import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/init.js', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const read = (path: string) => readFileSync(new URL(path, `file://${repoRoot}`), 'utf8');
/** What git sees as changed or new in the repository (it may have local changes of its own). */
const gitStatus = () =>
  execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });

/** Runs `npm run init -- <args>` as a child process; resolves with its output and exit code. */
async function init(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run init -- --help', () => {
  it('lists the options of the init generator with the usage line of the docs, without writing', async () => {
    const before = gitStatus();
    const { code, stdout } = await init(['--help']);
    expect(code).toBe(0);
    const usage = stdout.split('\n')[0] ?? '';
    expect(usage).toBe(
      'Usage: npm run init -- --scope <@scope> --registry <registry> --cloud <aws|gcp|azure> [--product <name>] [--repository <owner>/<name>]',
    );
    expect(read('docs/forking.md')).toContain(usage);
    const example = 'npm run init -- --scope @acme --registry ghcr.io/acme --cloud aws';
    expect(stdout).toContain(example);
    expect(read('README.md')).toContain(example);
    for (const option of ['--scope', '--registry', '--cloud', '--product'])
      expect(stdout).toMatch(new RegExp(`^ {2}${option} +\\S`, 'm'));
    expect(gitStatus()).toBe(before);
  }, 120_000);

  it('refuses an option it does not know, exits 1 and points to --help', async () => {
    const { code, stderr } = await init(['--colour', 'blue']);
    expect(code).toBe(1);
    expect(stderr).toContain("Unknown option '--colour'");
    expect(stderr).toContain('see npm run init -- --help');
  }, 120_000);
});
