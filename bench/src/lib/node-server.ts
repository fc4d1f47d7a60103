import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

/** A server process started by the bench. */
export interface NodeServer {
  readonly url: string;
  /** Milliseconds from spawning `node` to the first 200 from the probe path. */
  readonly startupMs: number;
  /** Resident memory right after that first 200, in bytes. */
  readonly rssAfterStartBytes: number;
  /** Resident memory now, in bytes. */
  rssBytes(): number;
  stop(): Promise<void>;
}

/** Options for {@link startNodeServer}. */
export interface NodeServerOptions {
  /** The script `node` runs, as in production: `node dist/index.js`. */
  readonly script: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Polled until it answers 200. Default: `/livez`. */
  readonly probePath?: string;
  /** Give up after this long. Default: 30 s. */
  readonly timeoutMs?: number;
}

function statusOf(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const sent = request(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    sent.on('error', () => resolve(undefined));
    sent.end();
  });
}

// Linux reports a process's resident set in /proc; the bench runs where the services run.
function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) * 1024;
}

/**
 * Starts `node <script>` on a free loopback port and waits for its first 200.
 * @example const gateway = await startNodeServer({ script: 'apps/gateway/dist/index.js' });
 */
export async function startNodeServer({
  script,
  env = {},
  probePath = '/livez',
  timeoutMs = 30_000,
}: NodeServerOptions): Promise<NodeServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  while ((await statusOf(`${url}${probePath}`)) !== 200) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${script} did not answer 200 on ${probePath} within ${timeoutMs} ms`);
    }
    await sleep(2);
  }
  const startupMs = performance.now() - started;
  return {
    url,
    startupMs,
    rssAfterStartBytes: residentBytes(pid),
    rssBytes: () => residentBytes(pid),
    stop,
  };
}
