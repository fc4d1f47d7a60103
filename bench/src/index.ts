import { availableParallelism, loadavg } from 'node:os';
import type { Figure, Row } from './figure.js';
import { livezVsBare } from './figures/livez-vs-bare.js';
import { formatReport } from './report.js';

// Each figure is one file in figures/; list new ones here.
const figures: readonly Figure[] = [livezVsBare];

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
