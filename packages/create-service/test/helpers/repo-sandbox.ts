import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyRepository } from '@slipway/generators';
import { serviceDir } from '@slipway/platform-contract';

/** The repository this package lives in. */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
/** The CLI as `npm create` runs it. */
export const cliPath = fileURLToPath(new URL('../../bin/create-service.js', import.meta.url));

/** The services every sandbox holds: the examples, whatever else the repository has grown. */
const exampleServices = ['gateway', 'orders'];

/**
 * A copy of the repository's files whose `node_modules` folders are links to the real ones:
 * enough to generate (nothing is installed), made in well under a second. `npm install`
 * must never run in it, so every run here sets SLIPWAY_SKIP_LINK=1. It holds the two example
 * services only, so the tests' names, ports and defaults stay valid after services are added.
 */
export function createSandbox(): string {
  return copyRepository(repoRoot, { services: exampleServices, nodeModules: 'symlink' }).root;
}

/**
 * `base`, or `base-2`, `base-3`...: a service name the repository does not use yet, neither as
 * a service nor as an installed package (the sandbox shares the repository's node_modules).
 * @example const name = unusedServiceName('billing');
 */
export function unusedServiceName(base: string): string {
  const taken = (name: string) =>
    existsSync(join(repoRoot, serviceDir(name))) ||
    existsSync(join(repoRoot, 'node_modules', name));
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

/** Runs the CLI as a child process in `cwd`, without a terminal; `nodeArgs` go to node first. */
export function runCli(
  args: readonly string[],
  cwd: string,
  { nodeArgs = [] }: { readonly nodeArgs?: readonly string[] } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, cliPath, ...args], {
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
