import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { outputFolders } from '../src/lifecycle/service-edits.ts';
import { copyRepository, type RepoCopy } from '../src/testing/repo-copy.ts';
import { runCommand, type StartedServer } from '../test/helpers/run-command.ts';

// End to end in temporary copies of this repository. Slow by nature (each step runs real
// npm, turbo, tsc, vitest and biome), hence the generous timeouts.

/** The repository these suites copy. */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const minutes = (n: number) => n * 60_000;
/** How the suites start a built service: on an ephemeral loopback port, in production mode, no drain. */
export const builtServiceEnv = {
  PORT: '0',
  HOST: '127.0.0.1',
  NODE_ENV: 'production',
  SHUTDOWN_DRAIN_MS: '0',
} as const;
// The copies hold the example services only, so the names these tests scaffold (billing,
// ledger) stay free whatever services the repository has grown.
const exampleServices = ['gateway', 'orders'];

/** A copy of the repository for one suite, and the commands that run in it. */
export interface CopySuite {
  readonly root: () => string;
  /** A server the suite started, stopped after it when a test failed before stopping it. */
  server: StartedServer | undefined;
  npm(args: string[], cwd?: string): ReturnType<typeof runCommand>;
  turbo(tasks: string[], filters: string[], concurrency?: number): ReturnType<typeof runCommand>;
}

/** Copies and installs the repository before a suite's tests, and removes it after them. */
export function useRepoCopy(): CopySuite {
  let copy: RepoCopy | undefined;
  const root = () => copy?.root ?? '';
  const suite: CopySuite = {
    root,
    server: undefined,
    npm: (args, cwd = root()) => runCommand('npm', args, cwd),
    turbo: (tasks, filters, concurrency = 10) =>
      runCommand(
        'npx',
        [
          'turbo',
          'run',
          ...tasks,
          '--continue',
          `--concurrency=${concurrency}`,
          ...filters.map((f) => `--filter=${f}`),
        ],
        root(),
        // As the root package.json's turbo scripts do: nothing leaves the machine.
        { TURBO_TELEMETRY_DISABLED: '1' },
      ),
  };
  beforeAll(() => {
    copy = copyRepository(repoRoot, { services: exampleServices });
    console.info(
      `e2e: repository copied and installed (npm install --offline: ${copy.installMs} ms)`,
    );
  }, minutes(5));
  afterAll(async () => {
    await suite.server?.stop();
    copy?.remove();
  });
  return suite;
}

/**
 * The lines of the tasks a turbo run reports as failed (`Failed: @acme/dev#test`), the last 200
 * of each: what an assertion on the run's exit code should show, since CI keeps only the tail of
 * the log and the whole run's output buries the failure.
 * @example expect(run.code, failedTaskLogs(run.output)).toBe(0);
 */
export function failedTaskLogs(output: string): string {
  const failed = [...output.matchAll(/^\s*Failed:\s+(.+)$/gm)].flatMap((m) =>
    (m[1] ?? '').split(',').map((task) => task.trim()),
  );
  if (failed.length === 0) return output;
  const lines = output.split('\n');
  return failed
    .map((task) => {
      const prefix = `${task.replace('#', ':')}:`;
      const own = lines.filter((line) => line.trimStart().startsWith(prefix));
      return `--- ${task} (last ${Math.min(own.length, 200)} lines)\n${own.slice(-200).join('\n')}`;
    })
    .join('\n');
}

/**
 * The files of a folder, its output and installed folders aside: what a service's own sources are.
 * @example sourceFilesUnder(join(root, 'apps/journal'))
 */
export function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return outputFolders.has(entry.name) ? [] : sourceFilesUnder(path);
    return [path];
  });
}
