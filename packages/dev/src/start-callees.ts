import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ServiceManifest } from '@slipway/service-manifest';

/**
 * Every service `service` calls, directly or through its callees, each once, nearest first.
 * @example transitiveCalleesOf(gateway, catalog); // ['orders']
 */
export function transitiveCalleesOf(
  service: ServiceManifest,
  catalog: readonly ServiceManifest[],
): string[] {
  const byName = new Map(catalog.map((manifest) => [manifest.name, manifest]));
  const found: string[] = [];
  const queue = [...service.calls];
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    if (name === service.name || found.includes(name)) continue;
    found.push(name);
    queue.push(...(byName.get(name)?.calls ?? []));
  }
  return found;
}

/**
 * The slipway-dev arguments of a service's `dev` script, e.g. `['--env', 'A=b']` for
 * `slipway-dev --env A=b`; undefined when the script is not a plain slipway-dev command
 * (another program, or shell syntax such as `&&`, `$VAR` or redirections).
 * @example devScriptArgs('slipway-dev --env PGLITE_DATA_DIR=.data/pglite');
 */
export function devScriptArgs(script: string | undefined): string[] | undefined {
  if (script === undefined || /[&|;<>$`\\]/.test(script)) return undefined;
  const words = [...script.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? '',
  );
  return words[0] === 'slipway-dev' ? words.slice(1) : undefined;
}

/** Options of {@link startCallees}. */
export interface StartCalleesOptions {
  /** The callees to start, each in `<appsDir>/<name>`. */
  readonly names: readonly string[];
  readonly appsDir: string;
  /** The slipway-dev bin to run in each callee's folder. */
  readonly bin: string;
  /** The callees' environment: the caller's own shell, not what it set for its service. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly say: (line: string) => void;
  /** Where their output goes, each line prefixed with the callee's name. */
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** The callees a slipway-dev started. */
export interface StartedCallees {
  readonly names: readonly string[];
  /** Whether the callee's slipway-dev still runs. */
  isRunning(name: string): boolean;
  /** Forwards `signal` to each callee's slipway-dev and resolves once all have exited. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/**
 * Starts a slipway-dev in each callee's folder, with the arguments of its `dev` script, in a
 * process group of its own (so a Ctrl-C reaches it once, forwarded by {@link StartedCallees.stop}).
 * A callee whose `dev` script is not slipway-dev is named and left out.
 * @example const callees = startCallees({ names: ['orders'], appsDir, bin, env: process.env, say, stdout, stderr });
 */
export function startCallees({
  names,
  appsDir,
  bin,
  env,
  say,
  stdout,
  stderr,
}: StartCalleesOptions): StartedCallees {
  const children = new Map<string, ChildProcess>();
  // The shell's PORT and METRICS_PORT are meant for the caller: each callee takes its own.
  const { PORT: _port, METRICS_PORT: _metricsPort, ...calleeEnv } = env;
  for (const name of names) {
    const dir = join(appsDir, name);
    const args = devScriptArgs(readDevScript(dir));
    if (!args) {
      say(`cannot start ${name}: its dev script is not slipway-dev; start it yourself`);
      continue;
    }
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: calleeEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    if (child.stdout) void prefixLines(child.stdout, stdout, name);
    if (child.stderr) void prefixLines(child.stderr, stderr, name);
    children.set(name, child);
  }
  let stopping = false;
  for (const [name, child] of children) {
    child.on('exit', (code, signal) => {
      if (!stopping)
        say(`${name}'s slipway-dev ended (exit ${code ?? signal}): see its lines above`);
    });
  }
  return {
    names: [...children.keys()],
    isRunning: (name) => {
      const child = children.get(name);
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    async stop(signal) {
      stopping = true;
      const running = [...children.values()].filter(
        (child) => child.exitCode === null && child.signalCode === null,
      );
      await Promise.all(
        running.map((child) => {
          const exited = once(child, 'exit');
          child.kill(signal);
          return exited;
        }),
      );
    },
  };
}

function readDevScript(dir: string): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    return pkg.scripts?.dev;
  } catch {
    return undefined;
  }
}

async function prefixLines(input: Readable, output: Writable, name: string): Promise<void> {
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    output.write(`${name} | ${line}\n`);
  }
}
