import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const serviceDir = fileURLToPath(new URL('../..', import.meta.url));
const running = new Set<ChildProcess>();

/** An orders service running as its own process, as in a pod. */
export interface OrdersProcess {
  readonly port: number;
  readonly child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Log lines the process wrote to stderr, for failure messages. */
  readonly stderr: readonly string[];
  /** Resolves once the service has logged that a signal started its shutdown. */
  readonly draining: Promise<void>;
}

/** How the service is run: its source (Node strips the types), unless `nodeArgs` name a bundle. */
const fromSource = ['--conditions=@slipway/source', 'src/index.ts'];

/**
 * Starts orders (`src/index.ts` from source, or what `nodeArgs` say) on a free port and resolves
 * once it listens.
 * @example const orders = await startOrdersProcess({ SHUTDOWN_DRAIN_MS: '2000' });
 */
export async function startOrdersProcess(
  env: Record<string, string> = {},
  nodeArgs: readonly string[] = fromSource,
): Promise<OrdersProcess> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: serviceDir,
    // Free ports for the API and the metrics: tests run several at once.
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = once(child, 'exit').then(([code]) => {
    running.delete(child);
    return code as number | null;
  });
  const stderr: string[] = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
    stderr.push(line),
  );

  // Every line is read, so the pipe never fills up and blocks the service.
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const draining = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      if (line.includes('"msg":"signal received: shutting down"')) resolve();
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /"msg":"orders listening on http:\/\/[^:]+:(\d+)"/.exec(line);
      if (match?.[1]) resolve(Number(match[1]));
    });
    void exited.then((code) =>
      reject(new Error(`orders exited with ${code} before listening:\n${stderr.join('\n')}`)),
    );
  });
  return { port, child, exited, stderr, draining };
}

/**
 * Kills every orders process this helper started that is still running, even one that never
 * got to listen: for `afterAll`, so a failed or timed-out test leaves no process behind.
 * @example afterAll(killOrdersProcesses);
 */
export async function killOrdersProcesses(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      return exited;
    }),
  );
}
