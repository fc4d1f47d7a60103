#!/usr/bin/env node
// The `npm create @slipway/service` entry point. Inside the repository Node runs the CLI's
// TypeScript source itself (it strips the types; workspace packages resolve to their source
// through the `@slipway/source` condition, which the root .npmrc gives every process npm
// starts); a published copy runs dist/.
import { existsSync } from 'node:fs';
import { enableCompileCache } from 'node:module';

// Node's compile cache keeps the stripped and compiled modules for the next run (in the
// system's temporary folder): a warm `npm create` takes about a third less CPU.
enableCompileCache();

const source = new URL('../src/cli.ts', import.meta.url);
if (!existsSync(source)) {
  await import(new URL('../dist/cli.js', import.meta.url).href);
} else if (import.meta.resolve('@slipway/create-service').endsWith('.ts')) {
  await import(source.href);
} else {
  console.error(
    'create-service: run it through npm (npm create @slipway/service), which passes Node ' +
      '--conditions=@slipway/source from .npmrc, or pass that flag to node yourself.',
  );
  process.exitCode = 1;
}
