import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));

/** A running slipway-dev and everything it has printed so far. */
export interface DevProcess {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once stdout contains `text`; rejects if slipway-dev exits first. */
  waitForOutput(text: string): Promise<void>;
  /** Resolves with the exit code once slipway-dev has exited. */
  exited(): Promise<number | null>;
  /** Ends it and its group if still running (for afterEach). */
  stop(): Promise<void>;
}

/** The environment of the test runner, without what vitest sets for itself. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_ENV: _nodeEnv, VITEST: _vitest, ...env } = process.env;
  return { ...env, ...extra };
}

/**
 * Starts slipway-dev in `cwd`, in a process group of its own, as a terminal would run it:
 * `process.kill(-child.pid, 'SIGINT')` is then a Ctrl-C.
 * @example const dev = startDev(repo.path('apps/hello'), { PORT: '4100' });
 */
export function startDev(
  cwd: string,
  env: Record<string, string>,
  args: readonly string[] = [],
): DevProcess {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited: () => exit,
    async waitForOutput(text) {
      while (!stdout.includes(text)) {
        if (child.exitCode !== null) {
          throw new Error(
            `slipway-dev exited (${child.exitCode}) before printing '${text}':\n${stdout}\n${stderr}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      process.kill(-(child.pid ?? 0), 'SIGTERM');
      await exit;
    },
  };
}

/** A port nothing listens on right now, on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
