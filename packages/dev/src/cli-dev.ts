import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  loopbackHost,
  metricsEndpoint,
  platformVariables,
  serverPaths,
  serviceUrlVariable,
} from '@slipway/platform-contract';
import { ManifestError } from '@slipway/service-manifest';
import { devHelp, parseDevOptions } from './cli-dev-options.ts';
import { createDevEnvironment } from './dev-environment.ts';
import { devMetricsPortOffset } from './dev-metrics-port.ts';
import { listenerUrl, parseDevPort } from './dev-port.ts';
import { isDevProcessRunning, registerDevProcess } from './dev-registry.ts';
import { answersUntraced, type DevTracing, setUpDevTracing } from './dev-tracing.ts';
import { envFileFlags } from './env-files.ts';
import { findService } from './find-service.ts';
import { useColor } from './format-log-line.ts';
import { inspectorFlag, inspectorPort } from './inspector.ts';
import { portConflict } from './port-conflict.ts';
import {
  type LogFormat,
  logFormatVariable,
  parseLogFormat,
  pipeServiceOutput,
  type ServiceEvent,
  serviceEventsFlag,
} from './service-output.ts';
import { type StartedCallees, startCallees, transitiveCalleesOf } from './start-callees.ts';
import { waitForCallees } from './wait-for-callees.ts';
import { probeReadiness, waitForReady } from './wait-for-ready.ts';

const options = parseDevOptions(process.argv.slice(2));
if (options.help) {
  console.log(devHelp);
  process.exit(0);
}

let located: ReturnType<typeof findService>;
try {
  located = findService(process.cwd());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ManifestError ? message : `slipway-dev: ${message}`);
  process.exit(1);
}

const { manifest, catalog, repoRoot, serviceDir } = located;
const name = manifest.name;
const say = (line: string) => console.log(`[slipway-dev] ${line}`);
const fail = (message: string): never => {
  console.error(`slipway-dev: ${message}`);
  process.exit(1);
};

let env: Record<string, string> = {};
let port = 0;
let metricsPort = 0;
let format: LogFormat = 'pretty';
let inspect: number | undefined;
try {
  env = createDevEnvironment(manifest, catalog, process.env, options.env);
  port = parseDevPort(env.PORT);
  metricsPort = parseDevPort(
    env[platformVariables.metricsPort],
    platformVariables.metricsPort,
    `the service's port + ${devMetricsPortOffset}`,
  );
  format = parseLogFormat(process.env[logFormatVariable]);
  if (options.inspect !== undefined) inspect = inspectorPort(port, options.inspect);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const shellHost = process.env.HOST;
if (shellHost !== undefined && shellHost !== env.HOST) {
  say(
    `HOST=${shellHost} from your environment is ignored: dev listens on ${env.HOST} ` +
      'only (--env HOST=<address> to listen elsewhere)',
  );
}

const host = env.HOST ?? loopbackHost;
const conflict = await portConflict({
  name,
  host,
  port,
  metricsPort,
  inspect,
  anotherDevRuns: isDevProcessRunning(repoRoot, name),
});
if (conflict) fail(conflict);
process.on('exit', registerDevProcess(repoRoot, name));

// Traced through the local collector the slipway-devs of the machine share (the first starts it).
let tracing: DevTracing = { env: {}, nodeFlags: [] };
try {
  tracing = await setUpDevTracing({ service: name, serviceDir, shell: process.env, say });
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
env = { ...tracing.env, ...env };

const url = listenerUrl(host, port);
// The line names the API page only when the service serves it.
const apiReferenceUrl = `${url}${serverPaths.apiReference}`;
// Metrics are on a port of their own, which the gateway never reaches; named when they answer.
const metricsUrl = `${listenerUrl(host, metricsPort)}${metricsEndpoint.path}`;
const calleeUrls = Object.fromEntries(
  manifest.calls.map((callee) => [callee, env[serviceUrlVariable(callee)] ?? '']),
);
const calls = Object.entries(calleeUrls).map(([callee, at]) => `${callee} at ${at}`);
const color = useColor(process.stdout, process.env);

// With --with-callees, every callee (and theirs) that neither answers nor has a slipway-dev.
let callees: StartedCallees | undefined;
if (options.withCallees) {
  const ports = new Map(catalog.map((m) => [m.name, m.port]));
  const idle = await Promise.all(
    transitiveCalleesOf(manifest, catalog).map(async (callee) => {
      const state = await probeReadiness(
        `http://${loopbackHost}:${ports.get(callee)}${serverPaths.readiness}`,
      );
      return state === 'down' && !isDevProcessRunning(repoRoot, callee) ? [callee] : [];
    }),
  );
  const names = idle.flat();
  if (names.length > 0) say(`starting ${names.join(', ')} first (--with-callees)`);
  callees = startCallees({
    names,
    appsDir: dirname(serviceDir),
    bin: process.argv[1] ?? '',
    env: { ...process.env, ...(color && { FORCE_COLOR: '1' }) },
    say,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}

// Ctrl-C reaches every process of the terminal's group; Node's watcher and the service run in a
// group of their own, and so does each callee started here, so each gets exactly one signal:
// the one forwarded below.
const stopping = new AbortController();
let stopSignal: NodeJS.Signals = 'SIGTERM';
let child: ReturnType<typeof spawn> | undefined;
async function exit(code: number): Promise<never> {
  await callees?.stop(stopSignal);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping.signal.aborted) {
      killGroup('SIGKILL');
      // A callee's slipway-dev ends its own service at a second signal: never SIGKILL it.
      void callees?.stop(signal);
      return;
    }
    stopping.abort();
    stopSignal = signal;
    if (!child || child.exitCode !== null) {
      say(`${name} stopped before it started`);
      void exit(0);
      return;
    }
    child.kill(signal);
  });
}
function killGroup(signal: NodeJS.Signals): void {
  try {
    if (child?.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

await waitForCallees({
  service: name,
  callees: calleeUrls,
  say,
  signal: stopping.signal,
  isStarting: (callee) =>
    (callees?.isRunning(callee) ?? false) || isDevProcessRunning(repoRoot, callee),
  hint: (callee) =>
    `start it in another terminal (npm run dev --workspace ${callee}), ` +
    `or start ${name} with its callees (npm run dev --workspace ${name} -- --with-callees)`,
});
if (stopping.signal.aborted) await new Promise(() => {}); // The signal handler exits.

// Node runs the TypeScript itself (it strips the types) and restarts it when a file it imported
// changes; the watcher hands its other flags to the service's process, which reads the files at
// each start, and forwards a signal to it and waits for it to drain. Node's compile cache (in the
// folder `module.enableCompileCache()` picks, unless the shell names one) keeps the stripped and
// compiled modules: importing orders' app took 0.21 s of CPU with it, 0.44 s without.
child = spawn(
  process.execPath,
  [
    '--watch',
    '--watch-preserve-output',
    ...envFileFlags(repoRoot, serviceDir),
    ...(inspect === undefined ? [] : [inspectorFlag(inspect)]),
    ...tracing.nodeFlags,
    serviceEventsFlag,
    '--conditions=@slipway/source',
    options.entry,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { NODE_COMPILE_CACHE: join(tmpdir(), 'node-compile-cache'), ...env },
    detached: true,
  },
);
if (inspect !== undefined) {
  say(
    `inspector of ${name} on ${loopbackHost}:${inspect}: attach from chrome://inspect ` +
      `(Configure…: add ${loopbackHost}:${inspect}) or VS Code ("request": "attach", "port": ${inspect})`,
  );
}
// Should slipway-dev end any other way, its service must not outlive it.
process.on('exit', () => {
  if (child?.exitCode === null) killGroup('SIGKILL');
});

let starts = 0;
// The service's own exit code, truer than the watcher's.
let serviceExit: number | undefined;
let startedAt = 0;
let ready = false;
let attempt: AbortController | undefined;

function onEvent(event: ServiceEvent): void {
  serviceExit = event.type === 'exit' ? event.code : undefined;
  if (stopping.signal.aborted) return;
  attempt?.abort();
  if (event.type === 'exit') {
    if (event.code !== 0 && !ready) {
      say(`${name} failed to start (exit ${event.code}): see above; save a file to retry`);
    } else if (event.code !== 0) {
      say(`${name} exited (exit ${event.code}); save a file to restart it`);
    }
    ready = false;
    return;
  }
  starts += 1;
  startedAt = performance.now();
  ready = false;
  if (starts === 1) say(`${name} is starting…`);
  const current = new AbortController();
  attempt = current;
  const signal = AbortSignal.any([current.signal, stopping.signal]);
  void waitForReady({ url: `${url}${serverPaths.readiness}`, signal }).then(async (isReady) => {
    if (!isReady || signal.aborted) return;
    ready = true;
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const [api, metrics] = await Promise.all([
      answersUntraced(apiReferenceUrl, signal),
      answersUntraced(metricsUrl, signal),
    ]);
    if (signal.aborted) return;
    say(
      `${name} is ready on ${url} (after ${seconds} s)` +
        (calls.length > 0 ? `, calls ${calls.join(', ')}` : '') +
        (api ? ` — API: ${apiReferenceUrl}` : '') +
        (metrics ? ` — metrics: ${metricsUrl}` : '') +
        (tracing.readyNote ? ` — ${tracing.readyNote}` : ''),
    );
  });
}

const piped = child.stdout
  ? pipeServiceOutput(child.stdout, process.stdout, { format, color, onEvent })
  : Promise.resolve();

child.on('exit', (code, signal) => {
  attempt?.abort();
  void piped.then(() => {
    if (stopping.signal.aborted) {
      say(`${name} stopped (exit ${serviceExit ?? code ?? signal})`);
      return exit(0);
    }
    say(`${name}: the watcher ended (exit ${code ?? signal})`);
    return exit(code ?? 1);
  });
});
