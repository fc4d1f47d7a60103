#!/usr/bin/env node
// The root's `dev`: `turbo run dev`, less the run summary turbo prints when Ctrl-C stops the
// services ("Tasks: 0 successful, 2 total"). Stopping dev servers is not a failed run, and each
// service has already said it stopped. A service that fails keeps turbo's whole report.
// Plain Node, no dependencies: it only passes lines through.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// Turbo's telemetry is off, as in the root package.json's turbo scripts: the template sends
// nothing off the machine by default (README, "Telemetry", says how to turn it on).
const turbo = spawn(
  join(process.cwd(), 'node_modules', '.bin', 'turbo'),
  ['run', 'dev', ...process.argv.slice(2)],
  {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);

let interrupted = false;
// Ctrl-C reaches turbo from the terminal too: a second SIGINT would make it force-kill.
process.on('SIGINT', () => {
  interrupted = true;
});
process.on('SIGTERM', () => {
  interrupted = true;
  turbo.kill('SIGTERM');
});

const summaryLine = /^\s*(Tasks|Cached|Time):\s/;
// Turbo's summary comes last: it is held until turbo exits, since Ctrl-C may reach this process
// after turbo's last lines do. Everything before it passes through at once.
const held = [];
let blank = 0;
createInterface({ input: turbo.stdout }).on('line', (line) => {
  if (held.length > 0 || summaryLine.test(line)) {
    held.push(line);
    return;
  }
  if (line.trim() === '') {
    blank += 1;
    return;
  }
  process.stdout.write(`${'\n'.repeat(blank)}${line}\n`);
  blank = 0;
});

turbo.on('close', (code, signal) => {
  const kept = interrupted ? held.filter((line) => !summaryLine.test(line)) : held;
  const text = kept.join('\n').trim();
  if (text !== '') process.stdout.write(`${'\n'.repeat(blank)}${text}\n`);
  process.exitCode = interrupted ? 0 : (code ?? (signal ? 1 : 0));
});
