#!/usr/bin/env node
// `npm run gen [-- <generator> [-- --<prompt> <answer> ...]]`: plop with this repository's
// TypeScript plopfile, writing relative to the repository root wherever it is started.
import { fileURLToPath } from 'node:url';
import { writeSourceBundle } from '@slipway/run-source';

// Plop loads its plopfile from a path: it gets the TypeScript plopfile bundled into one.
const plopfile = await writeSourceBundle(new URL('../plopfile.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

// `npm run init -- --help` reaches us as `init -- --help`, which plop would take for an answer.
const [generatorName, ...rest] = process.argv.slice(2);
const answers = rest.slice(rest.indexOf('--') + 1);
if (
  generatorName &&
  !generatorName.startsWith('-') &&
  rest.includes('--') &&
  answers.some((a) => a === '--help' || a === '-h')
) {
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop(plopfile, { destBasePath: root });
  const generator = plop.getGenerator(generatorName);
  console.log(
    `Usage: npm run gen -- ${generatorName} -- [--<option> <value> ...]\n\n${generator.description}\n\nOptions (asked interactively when missing, in a terminal):`,
  );
  for (const prompt of generator.prompts) {
    const fallback = ['string', 'number', 'boolean'].includes(typeof prompt.default)
      ? ` (default: ${prompt.default})`
      : '';
    console.log(`  --${String(prompt.name).padEnd(14)} ${prompt.message}${fallback}`);
  }
  process.exit(0);
}
// plop reads its arguments when it is imported, so they are in place before the import.
process.argv.splice(2, 0, '--plopfile', plopfile, '--dest', root);
// Without a terminal the spinner would print a line per frame.
if (!process.stderr.isTTY) process.argv.splice(2, 0, '--no-progress');
const { Plop, run } = await import('plop');
Plop.prepare({ cwd: root, configPath: plopfile }, (env) =>
  Plop.execute(env, (ready) => run(ready, undefined, false)),
);
