import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  loopbackHost,
  metricsEndpoint,
  platformVariables,
  serverPaths,
} from '@slipway/platform-contract';
import { repoRoot } from '../lib/build-services.ts';
import { freePort } from '../lib/free-port.ts';
import { getStatus } from './http-get.ts';

/** A service of `apps/` running as its own process, as in a pod. */
export interface ServiceProcess {
  readonly name: string;
  /** Where its API answers, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Where its metrics are scraped. */
  readonly metricsUrl: string;
  /** Set once the process has ended. */
  exit(): { readonly code: number | null; readonly signal: string | null } | undefined;
  /** Calls `listener` if the process ends, whenever that is. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** The last lines it logged, for a failure's message. */
  logTail(lines?: number): string;
  /** Ends the process at once (`SIGKILL`) and waits for it. */
  stop(): Promise<void>;
}

/** Options of {@link startServiceProcess}. */
export interface ServiceProcessOptions {
  /** The folder in `apps/`. */
  readonly name: string;
  /** The service's own variables; the listener's are set here. */
  readonly env: Readonly<Record<string, string>>;
  /** Where its output goes: `<logDir>/<name>.log`. */
  readonly logDir: string;
  /** Give up waiting for readiness after this long. Default: 60 s. */
  readonly timeoutMs?: number;
}

const v = platformVariables;

/**
 * Starts `apps/<name>/src/index.ts` from its source, as `npm run dev` does (Node strips the
 * types; workspace packages resolve to their source), on free loopback ports for the API and
 * the metrics, with every middleware of a deployed service, and resolves once `/readyz` is 200.
 * Its output goes to a file: a pipe the test had to read would cost the load generator's CPU.
 * @example const orders = await startServiceProcess({ name: 'orders', env: { DATABASE_URL }, logDir });
 */
export async function startServiceProcess({
  name,
  env,
  logDir,
  timeoutMs = 60_000,
}: ServiceProcessOptions): Promise<ServiceProcess> {
  const [port, metricsPort] = [await freePort(), await freePort()];
  const serviceDir = join(repoRoot, 'apps', name);
  const logFile = join(logDir, `${name}.log`);
  const log = openSync(logFile, 'a');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=@slipway/source', 'src/index.ts'],
    {
      cwd: serviceDir,
      env: {
        ...process.env,
        [v.nodeEnv]: 'production',
        [v.logLevel]: 'info',
        [v.host]: loopbackHost,
        [v.port]: String(port),
        [v.metricsPort]: String(metricsPort),
        ...env,
      },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  let ended: { code: number | null; signal: string | null } | undefined;
  const exited = once(child, 'exit').then(([code, signal]) => {
    ended = { code: code as number | null, signal: signal as string | null };
  });
  const logTail = (lines = 30) =>
    readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  const stop = async () => {
    if (ended === undefined) child.kill('SIGKILL');
    await exited;
  };

  const url = `http://${loopbackHost}:${port}`;
  const started = performance.now();
  while ((await getStatus(`${url}${serverPaths.readiness}`, 2_000)) !== 200) {
    if (ended !== undefined)
      throw new Error(
        `${name} exited (${ended.signal ?? ended.code}) before it was ready:\n${logTail()}`,
      );
    if (performance.now() - started > timeoutMs) {
      await stop();
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${logTail()}`);
    }
    await sleep(50);
  }
  return {
    name,
    url,
    metricsUrl: `http://${loopbackHost}:${metricsPort}${metricsEndpoint.path}`,
    exit: () => ended,
    onExit: (listener) => {
      void exited.then(() => listener(ended?.code ?? null, ended?.signal ?? null));
    },
    logTail,
    stop,
  };
}
