#!/usr/bin/env node
// `npm run gen [-- <generator> [-- --<option> <value> ...]]`: plop with this repository's
// TypeScript plopfile, writing relative to the repository root wherever it is started.
// Help and unknown generators or options are answered first (src/cli/gen-cli.ts), exit 1 on errors.
// Node runs the TypeScript itself; workspace packages resolve to their source through the
// `@slipway/source` condition, which the root .npmrc gives every process npm starts.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Node's compile cache keeps the stripped and compiled modules for the next run (in the
// system's temporary folder): a warm run takes about a third less CPU.
enableCompileCache();

const { runGen } = await import('../src/cli/run-gen.ts');
await runGen(process.argv.slice(2), {
  plopfile: fileURLToPath(new URL('../plopfile.ts', import.meta.url)),
  root: fileURLToPath(new URL('../..', import.meta.url)),
});
