import { platformVariables, telemetry } from '@slipway/platform-contract';
import { devMetricsPortOffset } from './dev-metrics-port.ts';
import { inspectorPortOffset } from './inspector.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import { logFormatVariable } from './service-output.ts';
import { tracesPortVariable } from './shared-trace-collector.ts';

/**
 * The variables slipway-dev itself reads from your shell (every other one reaches the service
 * unchanged). Its help names each; the docs may set no other before `npm run dev`.
 */
export const devVariables: readonly string[] = [
  logFormatVariable,
  platformVariables.port,
  platformVariables.metricsPort,
  platformVariables.host,
  platformVariables.logLevel,
  telemetry.variables.endpoint,
  tracesPortVariable,
  'FORCE_COLOR',
  'NO_COLOR',
];

/** The usage `slipway-dev --help` prints. */
export const devHelp = `Usage: slipway-dev [options]

Runs the service in the current folder with reload on change (node --watch), on the
port its service.yaml gives, with <CALLEE>_URL pointing at each service it calls
on its local port, SERVICE_NAME, NODE_ENV=development and its manifest's dev config.
Its metrics are served apart, on METRICS_PORT: the service's port + ${devMetricsPortOffset}
(3000 gives 9464, 3001 gives 9465), so each service has its own.
Variables already set in your environment win (PORT=4000 npm run dev), except
HOST: the service listens on 127.0.0.1 only, whatever your shell exports; pass
--env HOST=<address> to listen elsewhere. A port another process holds is named,
and slipway-dev exits 1.
It starts the services it calls first: it waits (up to 60 s) until each answers
/readyz with 200. A callee that nothing answers for and no slipway-dev runs is
named within 3 s, with how to start it, and not waited for (or pass
--with-callees). It announces the service once its own /readyz answers 200 (with
its API reference page, /docs, when it serves one, and its metrics when they
answer), and says when it failed to start. Logs are shown readable and coloured (FORCE_COLOR=1 under a pipe, never
with NO_COLOR), at LOG_LEVEL=info unless you set it; SLIPWAY_LOG_FORMAT=json
shows the service's JSON lines as they are.
Local secrets: a git-ignored .env at the repository root and one in the
service folder are loaded when they exist (Node's --env-file-if-exists; the
service's file wins over the root's; neither replaces a variable set above).
Traces: a service built with @slipway/service-kit runs with its tracing entry
(--import=@slipway/service-kit/tracing), OTEL_SERVICE_NAME=<service> and
OTEL_BSP_SCHEDULE_DELAY=200, sending to a local trace collector on 127.0.0.1
that the first slipway-dev starts and the others share (port 4318, or
${tracesPortVariable}); npm run traces shows the last traces as trees. Your own
${telemetry.variables.endpoint} wins (empty: no traces).

Options:
  --entry <file>       entry module (default: src/index.ts)
  --env <NAME=value>   an extra variable for local dev only (repeatable), e.g.
                       --env PGLITE_DATA_DIR=.data/pglite
  --with-callees       also start the services it calls, and theirs, that are not
                       running yet (each with its own dev script, its lines
                       prefixed with its name); Ctrl-C stops them all
  --inspect[=<port>]   open the service's Node inspector, on 127.0.0.1 only, for
                       chrome://inspect or a debugger's attach (default port: the
                       service's port + ${inspectorPortOffset}: 3000 gives 9229, 3001 gives 9230)
  -h, --help           show this help`;

/** The command line of slipway-dev, checked. */
export interface DevOptions {
  readonly entry: string;
  /** The `--env` flags' variables. */
  readonly env: Readonly<Record<string, string>>;
  readonly withCallees: boolean;
  /** `--inspect`'s port as given: `''` for the default, undefined without the flag. */
  readonly inspect: string | undefined;
  readonly help: boolean;
}

/**
 * Reads slipway-dev's flags; on a malformed one prints the problem and the usage and exits 2.
 * A bare `--inspect` (Node's own spelling) is read as `--inspect=`, the default port.
 * @example const { entry, withCallees } = parseDevOptions(process.argv.slice(2));
 */
export function parseDevOptions(args: readonly string[]): DevOptions {
  const values = parseCliArgs(
    {
      entry: { type: 'string' },
      env: { type: 'string', multiple: true },
      'with-callees': { type: 'boolean' },
      inspect: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    devHelp,
    args.map((arg) => (arg === '--inspect' ? '--inspect=' : arg)),
  );
  const env: Record<string, string> = {};
  for (const pair of values.env ?? []) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/s.exec(pair);
    if (!match?.[1]) {
      console.error(`slipway-dev: --env wants NAME=value, got '${pair}'\n\n${devHelp}`);
      process.exit(2);
    }
    env[match[1]] = match[2] ?? '';
  }
  return {
    entry: values.entry ?? 'src/index.ts',
    env,
    withCallees: values['with-callees'] ?? false,
    inspect: values.inspect,
    help: values.help ?? false,
  };
}
