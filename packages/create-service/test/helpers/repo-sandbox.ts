import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';

/** The repository this package lives in. */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** The CLI as `npm create` runs it. */
export const cliPath = fileURLToPath(new URL('../../bin/create-service.js', import.meta.url));

/** The services every sandbox holds: the examples, whatever else the repository has grown. */
const exampleServices = ['gateway', 'orders'];

function isOtherService(file: string): boolean {
  const match = /^apps\/([^/]+)\//.exec(file);
  return match?.[1] !== undefined && !exampleServices.includes(match[1]);
}

/** Drops calls to and from services the sandbox does not hold, keeping the file's formatting. */
function keepExampleCalls(manifestPath: string): void {
  const document = parseDocument(readFileSync(manifestPath, 'utf8'));
  for (const key of ['calls', 'calledBy']) {
    const names = document.get(key);
    if (names && typeof names === 'object' && 'items' in names && Array.isArray(names.items)) {
      names.items = names.items.filter((item: unknown) =>
        exampleServices.includes(String((item as { value?: unknown }).value ?? item)),
      );
    }
  }
  writeFileSync(manifestPath, document.toString());
}

/**
 * A copy of the repository's files whose `node_modules` folders are links to the real ones:
 * enough to generate (nothing is installed), made in well under a second. `npm install`
 * must never run in it, so every run here sets SLIPWAY_SKIP_LINK=1. It holds the two example
 * services only, so the tests' names, ports and defaults stay valid after services are added.
 */
export function createSandbox(): string {
  const root = mkdtempSync(join(tmpdir(), 'create-service-'));
  const listed = spawnSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split('\0')) {
    if (file === '' || !existsSync(join(repoRoot, file)) || isOtherService(file)) continue;
    mkdirSync(dirname(join(root, file)), { recursive: true });
    copyFileSync(join(repoRoot, file), join(root, file));
  }
  for (const service of exampleServices)
    keepExampleCalls(join(root, 'apps', service, 'service.yaml'));
  for (const dir of ['', ...exampleServices.map((d) => `apps/${d}`)]) {
    const modules = join(repoRoot, dir, 'node_modules');
    if (existsSync(modules) && existsSync(join(root, dir))) {
      symlinkSync(modules, join(root, dir, 'node_modules'));
    }
  }
  return root;
}

/**
 * `base`, or `base-2`, `base-3`...: a service name the repository does not use yet, neither as
 * a service nor as an installed package (the sandbox shares the repository's node_modules).
 * @example const name = unusedServiceName('billing');
 */
export function unusedServiceName(base: string): string {
  const taken = (name: string) =>
    existsSync(join(repoRoot, 'apps', name)) || existsSync(join(repoRoot, 'node_modules', name));
  let name = base;
  for (let i = 2; taken(name); i++) name = `${base}-${i}`;
  return name;
}

/** Every path and byte under `root`, `node_modules` aside, as one hash. */
export function hashTree(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.name === 'node_modules') continue;
      hash.update(`${path}\0`);
      if (entry.isDirectory()) walk(path);
      else hash.update(readFileSync(join(root, path)));
    }
  };
  walk('');
  return hash.digest('hex');
}

/** What a finished CLI run printed, and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as a child process in `cwd`, without a terminal. */
export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: { ...process.env, SLIPWAY_SKIP_LINK: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Deletes a sandbox (its `node_modules` links, not what they point to). */
export function removeSandbox(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
