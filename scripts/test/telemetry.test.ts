import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// The template sends nothing off the machine by default: turbo's telemetry, on unless told
// otherwise, is off in every root script that runs turbo. Checked with turbo itself: in a folder
// holding the root package.json and scripts, `node_modules/.bin/turbo` answers every run with
// the real turbo's `turbo telemetry status`, under a home where nobody has opted out.
const root = scriptsRepoRoot(process.cwd());
const rootScripts = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
let folder: string;
let home: string;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'telemetry-'));
  home = mkdtempSync(join(tmpdir(), 'telemetry-home-'));
  cpSync(join(root, 'package.json'), join(folder, 'package.json'));
  for (const file of ['check-installed.js', 'run-dev.js'])
    cpSync(join(root, 'scripts', file), join(folder, 'scripts', file));
  mkdirSync(join(folder, 'node_modules', '.bin'), { recursive: true });
  const turbo = join(folder, 'node_modules', '.bin', 'turbo');
  writeFileSync(
    turbo,
    `#!/bin/sh\nexec '${join(root, 'node_modules', '.bin', 'turbo')}' telemetry status\n`,
  );
  chmodSync(turbo, 0o755);
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
});

/**
 * The environment of a newcomer's first run: nothing that turns telemetry off, a home where
 * nobody opted out. Should turbo try to send anything, its proxy is a closed loopback port.
 */
function newcomerEnv(): NodeJS.ProcessEnv {
  const { TURBO_TELEMETRY_DISABLED: _set, DO_NOT_TRACK: _dnt, ...env } = process.env;
  const closed = 'http://127.0.0.1:9';
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    HTTPS_PROXY: closed,
    HTTP_PROXY: closed,
    npm_config_update_notifier: 'false',
  };
}

/** Runs a root npm script in the folder. */
function npm(...args: string[]) {
  return spawnSync('npm', args, {
    cwd: folder,
    encoding: 'utf8',
    timeout: 60_000,
    env: newcomerEnv(),
  });
}

describe('turbo telemetry', () => {
  it('is on in turbo by default, so the checks below can tell', () => {
    const status = spawnSync(join(folder, 'node_modules', '.bin', 'turbo'), {
      encoding: 'utf8',
      env: newcomerEnv(),
    });
    expect(status.stdout).toContain('Status: Enabled');
  });

  it.each(
    [
      [['run', 'build']],
      [['run', 'lint']],
      [['run', 'typecheck']],
      [['run', 'test:cluster']],
      // pretest installs schemathesis, which this folder has no script for.
      [['test', '--ignore-scripts']],
      [['run', 'dev']],
      // A fork has no test:cluster (the template's upkeep).
    ].filter(([args]) => args?.[0] !== 'run' || (args[1] ?? '') in rootScripts),
  )('is off in npm %j', (args) => {
    const run = npm(...args);
    expect(run.stdout, run.stderr).toContain('Status: Disabled');
  });
});

describe('install analytics', () => {
  it("are off for @scarf/scarf in the repository's own configuration, not only by allowScripts", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      allowScripts?: Record<string, boolean>;
      scarfSettings?: { enabled?: boolean };
    };
    expect(pkg.allowScripts?.['@scarf/scarf']).toBe(false);
    expect(pkg.scarfSettings?.enabled).toBe(false);
  });
});

describe("npm's update check", () => {
  it("is off in the repository's own configuration, so npm does not ask the registry on every run", () => {
    // A newcomer's npm: none of the outer npm's settings (its userconfig, its update-notifier).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')),
    );
    const run = spawnSync('npm', ['config', 'get', 'update-notifier'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') },
    });
    expect(run.stdout.trim(), run.stderr).toBe('false');
  });
});
