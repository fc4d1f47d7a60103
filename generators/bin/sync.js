#!/usr/bin/env node
// `npm run sync [-- --service <name>] [--dry-run | --check] [--adopt <name>]`: brings the services
// made from the service template up to the current templates (src/sync/sync-cli.ts).
// Node runs the TypeScript itself; workspace packages resolve to their source through the
// `@slipway/source` condition, which the root .npmrc gives every process npm starts.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

// Node's compile cache keeps the stripped and compiled modules for the next run (in the
// system's temporary folder): a warm run takes about a third less CPU.
enableCompileCache();

const root = fileURLToPath(new URL('../..', import.meta.url));
const { syncCli } = await import('../src/sync/sync-cli.ts');
process.exitCode = await syncCli(process.argv.slice(2), {
  root,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
