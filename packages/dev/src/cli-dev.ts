import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { serverPaths } from '@slipway/config';
import { ManifestError, serviceUrlVariable } from '@slipway/service-manifest';
import { createDevEnvironment, devHost } from './dev-environment.js';
import { parseDevPort, serviceUrl } from './dev-port.js';
import { envFileFlags } from './env-files.js';
import { findService } from './find-service.js';
import { useColor } from './format-log-line.js';
import { parseCliArgs } from './parse-cli-args.js';
import {
  type LogFormat,
  logFormatVariable,
  parseLogFormat,
  pipeServiceOutput,
  type ServiceEvent,
  serviceEventsFlag,
} from './service-output.js';
import { waitForCallees } from './wait-for-callees.js';
import { readinessPath, waitForReady } from './wait-for-ready.js';

const help = `Usage: slipway-dev [options]

Runs the service in the current folder with reload on change (tsx watch), on the
port its service.yaml gives, with <CALLEE>_URL pointing at each service it calls
on its local port, SERVICE_NAME, NODE_ENV=development and its manifest's dev config.
Variables already set in your environment win (PORT=4000 npm run dev), except
HOST: the service listens on 127.0.0.1 only, whatever your shell exports; pass
--env HOST=<address> to listen elsewhere.
It starts the services it calls first: it waits (up to 60 s) until each answers
/readyz with 200. It announces the service once its own /readyz answers 200 (with
its API reference page, /docs, when it serves one), and says when it failed to
start. Logs are shown readable and coloured; SLIPWAY_LOG_FORMAT=json shows the
service's JSON lines as they are.
Local secrets: a git-ignored .env at the repository root and one in the
service folder are loaded when they exist (Node's --env-file-if-exists; the
service's file wins over the root's; neither replaces a variable set above).

Options:
  --entry <file>       entry module (default: src/index.ts)
  --env <NAME=value>   an extra variable for local dev only (repeatable), e.g.
                       --env PGLITE_DATA_DIR=.data/pglite
  -h, --help           show this help`;

const values = parseCliArgs(
  {
    entry: { type: 'string' },
    env: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
  help,
);

if (values.help) {
  console.log(help);
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

const extra: Record<string, string> = {};
for (const pair of values.env ?? []) {
  const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/s.exec(pair);
  if (!match?.[1]) {
    console.error(`slipway-dev: --env wants NAME=value, got '${pair}'\n\n${help}`);
    process.exit(2);
  }
  extra[match[1]] = match[2] ?? '';
}

const { manifest, catalog, repoRoot, serviceDir } = located;
const name = manifest.name;
const env = createDevEnvironment(manifest, catalog, process.env, extra);
const say = (line: string) => console.log(`[slipway-dev] ${line}`);

let port: number;
let format: LogFormat;
try {
  port = parseDevPort(env.PORT);
  format = parseLogFormat(process.env[logFormatVariable]);
} catch (error) {
  console.error(`slipway-dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const shellHost = process.env.HOST;
if (shellHost !== undefined && shellHost !== env.HOST) {
  say(
    `HOST=${shellHost} from your environment is ignored: dev listens on ${env.HOST} ` +
      'only (--env HOST=<address> to listen elsewhere)',
  );
}

const url = serviceUrl(env.HOST ?? devHost, port);
// The line names the API page only when the service serves it.
const apiReferenceUrl = `${url}${serverPaths.apiReference}`;
async function servesApiReference(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch(apiReferenceUrl, { signal });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
const calleeUrls = Object.fromEntries(
  manifest.calls.map((callee) => [callee, env[serviceUrlVariable(callee)] ?? '']),
);
const calls = Object.entries(calleeUrls).map(([callee, at]) => `${callee} at ${at}`);

// Ctrl-C reaches every process of the terminal's group; tsx watch and the service run in a
// group of their own, so they get exactly one signal: the one forwarded below.
const stopping = new AbortController();
let child: ReturnType<typeof spawn> | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (!child || child.exitCode !== null) {
      say(`${name} stopped before it started`);
      process.exit(0);
    }
    if (stopping.signal.aborted) {
      killGroup('SIGKILL');
      return;
    }
    stopping.abort();
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

await waitForCallees({ service: name, callees: calleeUrls, say, signal: stopping.signal });

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
child = spawn(
  process.execPath,
  [
    tsxCli,
    'watch',
    '--clear-screen=false',
    // tsx hands Node's own flags to the service's process, which reads the files at each start.
    ...envFileFlags(repoRoot, serviceDir),
    serviceEventsFlag,
    '--conditions=@slipway/source',
    values.entry ?? 'src/index.ts',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'], env, detached: true },
);
// Should slipway-dev end any other way, its service must not outlive it.
process.on('exit', () => {
  if (child?.exitCode === null) killGroup('SIGKILL');
});

let starts = 0;
// The service's own exit code, truer than tsx watch's (130 after a Ctrl-C of a failed service).
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
  void waitForReady({ url: `${url}${readinessPath}`, signal }).then(async (isReady) => {
    if (!isReady || signal.aborted) return;
    ready = true;
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const api = await servesApiReference(signal);
    if (signal.aborted) return;
    say(
      `${name} is ready on ${url} (after ${seconds} s)` +
        (calls.length > 0 ? `, calls ${calls.join(', ')}` : '') +
        (api ? ` — API: ${apiReferenceUrl}` : ''),
    );
  });
}

const color = useColor(process.stdout, process.env);
const piped = child.stdout
  ? pipeServiceOutput(child.stdout, process.stdout, { format, color, onEvent })
  : Promise.resolve();

child.on('exit', (code, signal) => {
  attempt?.abort();
  void piped.then(() => {
    if (stopping.signal.aborted) {
      say(`${name} stopped (exit ${serviceExit ?? code ?? signal})`);
      process.exit(0);
    }
    say(`${name}: tsx watch ended (exit ${code ?? signal})`);
    process.exit(code ?? 1);
  });
});
