import { setTimeout as delay } from 'node:timers/promises';
import { useColor } from './format-log-line.ts';
import { parseCliArgs } from './parse-cli-args.ts';
import {
  collectorUrl,
  probeTraceCollector,
  tracesPort,
  tracesPortVariable,
} from './shared-trace-collector.ts';
import { defaultMaxTraces, type StoredTrace } from './trace-store.ts';
import { formatTraceTree, orderTraces } from './trace-tree.ts';

/** A trace is printed by --follow once no span of it arrived for this long. */
const settleMs = 1_000;
const pollMs = 300;

const help = `Usage: slipway-traces [options]     (npm run traces at the repository root)

Prints the last traces the local collector of npm run dev (slipway-dev) received, each
as a tree: every span under its parent, as service, name (the route), status and
duration in ms; a failed span is marked ✗. The newest trace is printed last.
The collector keeps the last ${defaultMaxTraces} traces in memory while a slipway-dev runs.

Options:
  -n, --last <count>   how many traces to print (default: 10)
  -f, --follow         then keep printing each new trace, once its spans stop
                       arriving (${settleMs / 1000} s); Ctrl-C to stop
  -h, --help           show this help

Variables:
  ${tracesPortVariable}  the collector's port on 127.0.0.1 (default: 4318), as
                       given to npm run dev; FORCE_COLOR=1 / NO_COLOR as for slipway-dev`;

const values = parseCliArgs(
  {
    last: { type: 'string', short: 'n' },
    follow: { type: 'boolean', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  },
  help,
);
if (values.help) {
  console.log(help);
  process.exit(0);
}
const fail = (message: string): never => {
  console.error(`slipway-traces: ${message}`);
  process.exit(1);
};
const last = Number(values.last ?? '10');
if (!Number.isInteger(last) || last < 0) {
  fail(`--last ${values.last} is not a count: give a whole number, e.g. --last 20`);
}
let port = 0;
try {
  port = tracesPort(process.env);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const url = collectorUrl(port);
const color = useColor(process.stdout, process.env);
/** The version of each trace as last printed (or, for --follow, as first listed). */
const printed = new Map<string, number>();
const shownOnce = new Set<string>();
function print(trace: StoredTrace): void {
  const again = shownOnce.has(trace.traceId) ? '(more spans arrived)\n' : '';
  printed.set(trace.traceId, trace.version);
  shownOnce.add(trace.traceId);
  process.stdout.write(`\n${again}${formatTraceTree(trace, { color })}\n`);
}

const first = await probeTraceCollector(port);
if (first.state === 'nothing') {
  fail(
    `no trace collector answers at ${url}: it runs inside npm run dev (each slipway-dev shares one); start that first` +
      (process.env[tracesPortVariable]
        ? ''
        : `, or give the ${tracesPortVariable} it was started with`),
  );
}
if (first.state === 'other') {
  fail(
    `what answers at ${url} is not slipway-dev's trace collector: give the port npm run dev used (${tracesPortVariable}=<port>)`,
  );
}
const shown = first.state === 'collector' ? orderTraces(first.answer.traces, last) : [];
for (const trace of shown) print(trace);
if (shown.length === 0 && !values.follow) {
  console.log(
    `no traces yet at ${url}: make a request to a service npm run dev started, then run this again`,
  );
}
if (values.follow) {
  // Traces the first listing did not show are not news: only newer ones are printed.
  for (const trace of first.state === 'collector' ? first.answer.traces : []) {
    printed.set(trace.traceId, trace.version);
  }
  console.log(`\nfollowing new traces at ${url} (Ctrl-C to stop)…`);
  let away = false;
  for (;;) {
    await delay(pollMs);
    const next = await probeTraceCollector(port);
    if (next.state !== 'collector') {
      if (!away)
        console.log(
          `the collector at ${url} stopped answering (npm run dev ended?): waiting for it…`,
        );
      away = true;
      continue;
    }
    if (away) console.log(`the collector at ${url} answers again`);
    away = false;
    const settled = next.answer.traces.filter(
      (trace) =>
        next.answer.now - trace.updatedAt >= settleMs &&
        printed.get(trace.traceId) !== trace.version,
    );
    for (const trace of orderTraces(settled, settled.length)) print(trace);
  }
}
