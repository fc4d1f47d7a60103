import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** A long-running binary of the control plane, in its own process group. */
export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Where its stdout and stderr go. */
  readonly logFile: string;
  /** Settles with the exit code (or the signal's name) once it has exited. */
  readonly exited: Promise<number | string>;
  /** The last lines of its log, for error messages. */
  logTail(lines?: number): string;
  /** SIGTERM to its group, SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<ManagedProcess>();
let handlersInstalled = false;

/** Kills every group at once, synchronously: the only thing an `exit` handler may do. */
function killAllNow(): void {
  for (const child of running) killGroup(child.pid, 'SIGKILL');
  running.clear();
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * However the suite ends (a failure, Ctrl-C, an uncaught error), the control plane goes with it.
 * A signal is re-raised only when nobody else listens, so the runner's own handlers still run.
 */
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllNow();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/**
 * A watchdog for the case no handler can cover: the owner killed with SIGKILL. A detached shell
 * polls the owner once a second and kills the group when the owner is gone.
 */
function startWatchdog(groupPid: number): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${groupPid} 2>/dev/null; do sleep 1; done; kill -KILL -${groupPid} 2>/dev/null; exit 0`;
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog;
}

/** Options of {@link startProcess}. */
export interface StartProcessOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly logFile: string;
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Starts a binary as the leader of a new process group, logging to a file, registered for
 * teardown on every way out of the process.
 * @example const etcd = startProcess({ name: 'etcd', command: bin('etcd'), args, logFile });
 */
export function startProcess({
  name,
  command,
  args,
  logFile,
  cwd,
  env,
}: StartProcessOptions): ManagedProcess {
  installExitHandlers();
  const log = openSync(logFile, 'a');
  const child = spawn(command, [...args], {
    cwd,
    env: env ?? process.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const { pid } = child;
  if (pid === undefined) throw new Error(`${name} did not start: ${command}`);
  child.unref();
  const watchdog = startWatchdog(pid);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(managed);
      if (watchdog.pid !== undefined) killGroup(watchdog.pid, 'SIGKILL');
      resolve(code ?? signal ?? 'unknown');
    });
  });
  const managed: ManagedProcess = {
    name,
    pid,
    logFile,
    exited,
    logTail: (lines = 20) =>
      readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n'),
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(pid, 'SIGTERM');
      const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
      // Children it left behind in its group go too.
      killGroup(pid, 'SIGKILL');
    },
  };
  running.add(managed);
  return managed;
}

/**
 * Fails fast when a process exits while something waits for it to become ready, with its log.
 * @example await untilReady(etcd, waitUntil(() => healthy(), { what: 'etcd' }));
 */
export async function untilReady<T>(process: ManagedProcess, ready: Promise<T>): Promise<T> {
  let settled = false;
  const died = new Promise<never>((_, reject) => {
    void process.exited.then((code) => {
      if (!settled)
        reject(
          new Error(`${process.name} exited (${code}) before it was ready:\n${process.logTail()}`),
        );
    });
  });
  ready.catch(() => undefined);
  try {
    return await Promise.race([ready, died]);
  } finally {
    settled = true;
  }
}
