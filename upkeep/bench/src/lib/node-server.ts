import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.ts';

/** A process's memory, as Linux counts it in `/proc/<pid>/status`. */
export interface ProcessMemory {
  /** Resident set (`VmRSS`): what the kubelet and `ps` report. */
  readonly rssBytes: number;
  /**
   * Its anonymous part (`RssAnon`): heaps and stacks, the process's own. The rest is mostly the
   * `node` binary's pages, shared with every other Node process on the machine.
   */
  readonly anonBytes: number;
}

/** A server process started by the bench. */
export interface NodeServer {
  readonly url: string;
  /** Milliseconds from spawning `node` to the first 200 from the probe path. */
  readonly startupMs: number;
  /** Memory right after that first 200. */
  readonly memoryAfterStart: ProcessMemory;
  /** Memory now. */
  memory(): ProcessMemory;
  /** CPU time the process has used so far (user and system), in milliseconds. */
  cpuMs(): number;
  /**
   * Ends the process and waits for it. `SIGKILL` (the default) is instant; `SIGTERM` lets it
   * exit on its own, which is when Node writes its compile cache.
   */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

/** Options for {@link startNodeServer}. */
export interface NodeServerOptions {
  /** The script `node` runs, as in production: `node dist/index.js`. */
  readonly script: string;
  /** Flags given to `node` before the script, e.g. V8 flags an image would set. */
  readonly nodeArgs?: readonly string[];
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

// Linux reports a process's memory in /proc; the bench runs where the services run.
function memoryOf(pid: number): ProcessMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => {
    const value = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1];
    if (value === undefined) throw new Error(`no ${field} for process ${pid}`);
    return Number(value) * 1024;
  };
  return { rssBytes: kib('VmRSS'), anonBytes: kib('RssAnon') };
}

// utime and stime, fields 14 and 15 of /proc/<pid>/stat, count clock ticks of 10 ms on Linux
// (USER_HZ is 100 on every architecture Node supports); the name, field 2, may hold spaces.
function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Starts `node <script>` on a free loopback port and waits for its first 200.
 * @example const gateway = await startNodeServer({ script: 'apps/gateway/dist/index.js' });
 */
export async function startNodeServer({
  script,
  nodeArgs = [],
  env = {},
  probePath = '/livez',
  timeoutMs = 30_000,
}: NodeServerOptions): Promise<NodeServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${script}`);
  const exited = once(child, 'exit');

  const stop = async (signal: 'SIGKILL' | 'SIGTERM' = 'SIGKILL') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
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
    memoryAfterStart: memoryOf(pid),
    memory: () => memoryOf(pid),
    cpuMs: () => cpuMsOf(pid),
    stop,
  };
}
