import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

const root = scriptsRepoRoot(process.cwd());
const script = join(root, 'scripts', 'check-installed.js');
const rootScripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
/** Whether `npm <args>` runs a root script this repository has (a fork has no `init`). */
const isRootScript = (args: readonly string[]) =>
  args[0] !== 'run' || (args[1] ?? '') in rootScripts;

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

function checkIn(cwd: string) {
  return spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });
}

describe('check-installed', () => {
  it('should tell to run npm install and exit 1 in a folder without node_modules', () => {
    folder = mkdtempSync(join(tmpdir(), 'check-installed-'));
    const result = checkIn(folder);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('Dependencies are not installed: run `npm install` first.\n');
    expect(result.stdout).toBe('');
  });

  it('should pass silently once turbo is installed', () => {
    folder = mkdtempSync(join(tmpdir(), 'check-installed-'));
    mkdirSync(join(folder, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', '.bin', 'turbo'), '');
    const result = checkIn(folder);
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });

  it('should run before the root dev script', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.predev).toBe('node scripts/check-installed.js');
  });

  // A newcomer's first commands, before `npm install`: in a folder holding only the root
  // package.json and this script, each says what to do instead of a module-not-found stack
  // trace or `turbo: not found`.
  it.each(
    [
      [['run', 'dev']],
      [['run', 'init', '--', '--help']],
      [['run', 'gen', '--', 'service']],
      [['run', 'sync']],
      [['run', 'render']],
      [['test']],
      [['run', 'build']],
      [['run', 'lint']],
      [['run', 'typecheck']],
      [['run', 'test:cluster']],
    ].filter(([args]) => isRootScript(args ?? [])),
  )('should answer npm %j with the install hint before npm install', (args) => {
    folder = mkdtempSync(join(tmpdir(), 'check-installed-'));
    cpSync(join(root, 'package.json'), join(folder, 'package.json'));
    cpSync(script, join(folder, 'scripts', 'check-installed.js'));
    const result = spawnSync('npm', args, {
      cwd: folder,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    const output = result.stdout + result.stderr;
    expect(result.status, output).toBe(1);
    expect(output).toContain('Dependencies are not installed: run `npm install` first.');
    expect(output).not.toMatch(/not found|ERR_MODULE_NOT_FOUND|Cannot find/);
  });
});
