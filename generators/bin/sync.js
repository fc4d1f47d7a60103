#!/usr/bin/env node
// `npm run sync [-- --service <name>] [--dry-run | --check] [--adopt <name>]`: brings the services
// made from the service template up to the current templates (src/sync/sync-cli.ts).
import { fileURLToPath } from 'node:url';
import { importSource } from '@slipway/run-source';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { syncCli } = await importSource(new URL('../src/sync/sync-cli.ts', import.meta.url));
process.exitCode = await syncCli(process.argv.slice(2), {
  root,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
