#!/usr/bin/env node
// The `npm create @slipway/service` entry point. The repository's generators are
// TypeScript and read workspace packages from source (the "@slipway/source" condition),
// so tsx and that condition are registered first; inside the repository the CLI runs
// from its own source too, a published copy from its compiled dist/.
import { existsSync } from 'node:fs';
import { register } from 'node:module';

// Module hooks slow every later import down (each one crosses to the hooks' thread), so
// the CLI's own JavaScript dependencies are loaded before them. Plop and inquirer are
// hundreds of modules and only needed to prompt: not with --yes, --json, --help or without
// a terminal (the CLI decides for itself; this only chooses what to load early).
const args = process.argv.slice(2);
const mayPrompt =
  process.stdin.isTTY === true &&
  process.stdout.isTTY === true &&
  !args.some((arg) => ['--yes', '-y', '--json', '--help', '-h'].includes(arg));
await Promise.all([import('commander'), ...(mayPrompt ? [import('node-plop')] : [])]);

register(new URL('./source-condition-hooks.js', import.meta.url));
const { register: registerTsx } = await import('tsx/esm/api');
registerTsx();

const source = new URL('../src/cli.ts', import.meta.url);
await import(existsSync(source) ? source.href : new URL('../dist/cli.js', import.meta.url).href);
