import { availableParallelism, loadavg } from 'node:os';
import type { Figure, Row } from './figure.js';
import { infraRender } from './figures/infra-render.js';
import { livezVsBare } from './figures/livez-vs-bare.js';
import { scaffold } from './figures/scaffold.js';
import { formatReport } from './report.js';

// Each figure is one file in figures/; list new ones here.
const allFigures: readonly Figure[] = [livezVsBare, scaffold, infraRender];

// `npm run bench -- scaffold` runs only the named figures.
const wanted = process.argv.slice(2);
if (wanted.includes('--help')) {
  console.log(
    `Usage: npm run bench [-- <figure>...]\nFigures: ${allFigures.map((f) => `'${f.name}'`).join(', ')} (default: all)`,
  );
  process.exit(0);
}
const unknown = wanted.filter((name) => !allFigures.some((f) => f.name === name));
if (unknown.length > 0) {
  console.error(
    `Unknown figure(s): ${unknown.join(', ')}. Choose from: ${allFigures.map((f) => f.name).join(', ')}`,
  );
  process.exit(2);
}
const figures = wanted.length > 0 ? allFigures.filter((f) => wanted.includes(f.name)) : allFigures;

const rows: Row[] = [];
const started = performance.now();
for (const figure of figures) {
  const progress = (message: string) => console.log(`[bench ${figure.name}] ${message}`);
  rows.push(...(await figure.run(progress)));
}
console.log(`\n${formatReport(rows)}`);
const [load = 0] = loadavg();
if (load > availableParallelism() / 2) {
  console.log(
    `warning: load average ${load.toFixed(1)} on ${availableParallelism()} cores: other work skews these figures`,
  );
}
console.log(
  `(${Math.round((performance.now() - started) / 1000)} s on ${process.platform}, Node ${process.version}; figures are printed, never asserted)`,
);
