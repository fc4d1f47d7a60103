import { availableParallelism, loadavg } from 'node:os';
import type { Figure, Row } from './figure.ts';
import { infraRender } from './figures/infra-render.ts';
import { livezVsBare } from './figures/livez-vs-bare.ts';
import { postVsBare } from './figures/post-vs-bare.ts';
import { scaffold } from './figures/scaffold.ts';
import { spike } from './figures/spike.ts';
import { tracingStartup } from './figures/tracing-startup.ts';
import { serverSettingList } from './lib/settings.ts';
import { formatReport } from './report.ts';

// Each figure is one file in figures/; list new ones here.
const allFigures: readonly Figure[] = [
  livezVsBare,
  postVsBare,
  tracingStartup,
  scaffold,
  infraRender,
  spike,
];

const help = `Usage: npm run bench [-- <figure>...]

Measures what the service kit costs and prints one table; figures are printed, never asserted.
With no figure named, runs all of them.

Figures:
${allFigures.map((f) => `  ${f.name.padEnd(10)}${f.summary}`).join('\n')}

Environment (livez, post and tracing):
${serverSettingList.map((s) => `  ${s.variable.padEnd(20)}${s.description} (default ${s.fallback})`).join('\n')}
Environment (render):
  BENCH_RENDER_REPEATS  renders of each catalog size (default 3)
Environment (spike):
  TEST_DATABASE_URL     a PostgreSQL server (source .ci/postgres.sh && start_postgres)

Results are only comparable on an otherwise idle machine; the load average is printed.`;

// `npm run bench -- scaffold` runs only the named figures.
const wanted = process.argv.slice(2);
if (wanted.includes('--help') || wanted.includes('-h')) {
  console.log(help);
  process.exit(0);
}
const unknown = wanted.filter((name) => !allFigures.some((f) => f.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown figure(s): ${unknown.join(', ')}. Choose from: ${allFigures.map((f) => f.name).join(', ')} (see --help)`,
  );
  process.exit(2);
}
const figures = wanted.length > 0 ? allFigures.filter((f) => wanted.includes(f.name)) : allFigures;

const rows: Row[] = [];
const started = performance.now();
const [loadBefore = 0] = loadavg();
for (const figure of figures) {
  const progress = (message: string) => console.log(`[bench ${figure.name}] ${message}`);
  rows.push(...(await figure.run(progress)));
}
console.log(`\n${formatReport(rows)}`);
const [loadAfter = 0] = loadavg();
const cores = availableParallelism();
console.log(
  `load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after, on ${cores} cores`,
);
if (Math.max(loadBefore, loadAfter) > cores / 2) {
  console.log('warning: other work was running: it skews these figures');
}
console.log(
  `(${Math.round((performance.now() - started) / 1000)} s on ${process.platform}, Node ${process.version}; figures are printed, never asserted)`,
);
