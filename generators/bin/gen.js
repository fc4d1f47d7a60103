#!/usr/bin/env node
// `npm run gen [-- <generator> [-- --<prompt> <answer> ...]]`: plop with this repository's
// TypeScript plopfile, writing relative to the repository root wherever it is started.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';

register(new URL('./source-condition-hooks.js', import.meta.url));
const { register: registerTsx } = await import('tsx/esm/api');
registerTsx();

const plopfile = fileURLToPath(new URL('../plopfile.ts', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));
// plop reads its arguments when it is imported, so they are in place before the import.
process.argv.splice(2, 0, '--plopfile', plopfile, '--dest', root);
// Without a terminal the spinner would print a line per frame.
if (!process.stderr.isTTY) process.argv.splice(2, 0, '--no-progress');
const { Plop, run } = await import('plop');
Plop.prepare({ cwd: root, configPath: plopfile }, (env) =>
  Plop.execute(env, (ready) => run(ready, undefined, false)),
);
