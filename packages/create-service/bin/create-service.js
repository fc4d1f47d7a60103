#!/usr/bin/env node
// The `npm create @slipway/service` entry point. Inside the repository the CLI runs from its
// TypeScript source (bundled in memory, no build needed), a published copy from dist/.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
if (existsSync(source)) {
  const { importSource } = await import('@slipway/run-source');
  await importSource(source);
} else {
  await import(new URL('../dist/cli.js', import.meta.url).href);
}
