import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

const script = join(scriptsRepoRoot(process.cwd()), 'scripts', 'run-dev.js');

// A stand-in for turbo that prints what `turbo run dev` prints: the services' lines, then, when
// stopped (or when `fail` is passed), its run summary.
const fakeTurbo = `#!/usr/bin/env node
const summary = (failed) => {
  if (failed) console.log('Failed:    orders#dev');
  console.log('\\n Tasks:    0 successful, 2 total\\nCached:    0 cached, 2 total\\n  Time:    5.2s \\n');
};
// The handler first: the test sends Ctrl-C as soon as it reads the "ready" line.
process.on('SIGINT', () => {
  console.log('orders:dev: [slipway-dev] orders stopped (exit 0)');
  summary(false);
  process.exit(0);
});
console.log('orders:dev: [slipway-dev] orders is ready on http://127.0.0.1:3001');
if (process.argv.includes('fail')) { summary(true); process.exit(1); }
setInterval(() => {}, 1000);
`;

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/** Runs the dev wrapper in a folder whose installed turbo is the fake, in its own process group. */
function runDev(args: string[]) {
  folder = mkdtempSync(join(tmpdir(), 'run-dev-'));
  mkdirSync(join(folder, 'node_modules', '.bin'), { recursive: true });
  const turbo = join(folder, 'node_modules', '.bin', 'turbo');
  writeFileSync(turbo, fakeTurbo);
  chmodSync(turbo, 0o755);
  const child = spawn(process.execPath, [script, ...args], { cwd: folder, detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => output };
}

describe('run-dev (the root dev script)', () => {
  it('on Ctrl-C keeps each service line and leaves out turbo\'s "0 successful" summary', async () => {
    const run = runDev([]);
    // Ctrl-C goes to the whole foreground process group, as a terminal sends it.
    await expect.poll(run.output, { timeout: 30_000 }).toContain('orders is ready');
    process.kill(-(run.child.pid ?? 0), 'SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('orders stopped (exit 0)');
    expect(run.output()).not.toMatch(/successful|Cached:|Time:/);
  });

  it('keeps the whole report, and the exit code, when a service fails', async () => {
    const run = runDev(['fail']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Failed:    orders#dev');
    expect(run.output()).toContain('Tasks:    0 successful, 2 total');
  });
});
