#!/usr/bin/env node
// `npm run init -- --scope <@scope> --registry <registry> --cloud <cloud>`: the init generator,
// through plop as `npm run gen` runs the others (the generators' runGen: help and unknown
// options answered first, exit 1 on errors), writing relative to the repository root.
// Node runs the TypeScript itself; workspace packages resolve to their source through the
// `@slipway/source` condition, which the root .npmrc gives every process npm starts.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache();

// The gen CLI reads `<generator> -- <options>`: init is the only generator here.
const args = ['init', '--', ...process.argv.slice(2).filter((arg, i) => i > 0 || arg !== '--')];
const { runGen } = await import('@slipway/generators');
await runGen(args, {
  plopfile: fileURLToPath(new URL('../plopfile.ts', import.meta.url)),
  root: fileURLToPath(new URL('../../..', import.meta.url)),
});
