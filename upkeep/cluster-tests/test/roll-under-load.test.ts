import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { retagImages } from '../src/e2e/kind-images.ts';
import { rolloutProblems } from '../src/e2e/load-report.ts';
import { PulumiCli } from '../src/e2e/pulumi-cli.ts';
import { rollUnderLoad } from '../src/e2e/roll-under-load.ts';

/**
 * A stand-in for `pulumi`, `docker` and `kind`: it logs its arguments, then exits once the test
 * server has answered STANDIN_REQUESTS more load requests than when it started (it asks the
 * server's /__seen). While a synchronous child process blocks the test's event loop, the server
 * answers nothing, so the stand-in gives up after its deadline and exits 3. STANDIN_EXIT makes
 * it exit with that code at once (a failed deploy).
 */
const standIn = `#!/usr/bin/env node
const { appendFileSync } = require('node:fs');
const { basename } = require('node:path');
appendFileSync(process.env.STANDIN_LOG, [basename(process.argv[1]), ...process.argv.slice(2)].join(' ') + '\\n');
if (process.env.STANDIN_EXIT) process.exit(Number(process.env.STANDIN_EXIT));
const wanted = Number(process.env.STANDIN_REQUESTS);
const deadline = Date.now() + 20000;
const seen = () => fetch(process.env.STANDIN_SEEN_URL, { signal: AbortSignal.timeout(1000) })
  .then((res) => res.text()).then(Number).catch(() => undefined);
(async () => {
  let start;
  while (start === undefined && Date.now() < deadline) start = await seen();
  for (;;) {
    const now = await seen();
    if (start !== undefined && now !== undefined && now >= start + wanted) process.exit(0);
    if (Date.now() > deadline) {
      console.error(basename(process.argv[1]) + ': the server answered no load while I ran');
      process.exit(3);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
})();
`;

let dir: string;
let server: Server;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'slipway-roll-'));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

/** Serves 200 to the load on 127.0.0.1 and its count of load requests on /__seen. */
async function loadServer(): Promise<string> {
  let seen = 0;
  server = createServer((req, res) => {
    if (req.url === '/__seen') return res.writeHead(200).end(String(seen));
    seen += 1;
    res.writeHead(200).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Puts the stand-in first on PATH as each of `commands`. */
function standInCommands(url: string, commands: readonly string[]): string {
  const log = join(dir, 'commands.log');
  for (const command of commands) {
    writeFileSync(join(dir, command), standIn);
    chmodSync(join(dir, command), 0o755);
  }
  vi.stubEnv('PATH', `${dir}${delimiter}${process.env.PATH ?? ''}`);
  vi.stubEnv('STANDIN_SEEN_URL', `${url}/__seen`);
  vi.stubEnv('STANDIN_REQUESTS', '20');
  vi.stubEnv('STANDIN_LOG', log);
  writeFileSync(log, '');
  return log;
}

describe('the rolling update under load', () => {
  it('keeps the load flowing while kind loads the images and pulumi up runs, and counts what was served inside the rollout', async () => {
    const url = await loadServer();
    const log = standInCommands(url, ['pulumi', 'docker', 'kind']);
    const cli = new PulumiCli(dir, 'e2e', { dir: join(dir, 'state'), kubeconfig: '/dev/null' });

    const report = await rollUnderLoad({
      target: { url },
      next: () => ({ method: 'GET', path: '/api/orders/1' }),
      prepare: async () => {
        await retagImages(dir, ['orders'], 'e2e-1', 'e2e-2');
      },
      rollout: () => cli.up(),
    });

    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'docker tag slipway.test/orders:e2e-1 slipway.test/orders:e2e-2',
      'kind load docker-image slipway.test/orders:e2e-2 --name slipway-e2e',
      'pulumi up --yes --skip-preview --stack e2e --non-interactive',
    ]);
    expect(report.servedDuringRollout).toBeGreaterThan(0);
    expect(rolloutProblems(report)).toEqual([]);
  }, 120_000);

  it('stops the load, then reports the deploy that failed', async () => {
    const url = await loadServer();
    standInCommands(url, ['pulumi']);
    vi.stubEnv('STANDIN_EXIT', '3');
    const cli = new PulumiCli(dir, 'e2e', { dir: join(dir, 'state'), kubeconfig: '/dev/null' });
    await expect(
      rollUnderLoad({
        target: { url },
        next: () => ({ method: 'GET', path: '/livez' }),
        rollout: () => cli.up(),
      }),
    ).rejects.toThrow('pulumi up failed with exit code 3');
  }, 120_000);
});
