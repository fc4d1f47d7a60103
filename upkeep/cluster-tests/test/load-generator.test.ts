import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCertificates } from '../src/control-plane/certificates.ts';
import { generateLoad, type LoadReport } from '../src/e2e/load-generator.ts';
import { loadProblems } from '../src/e2e/load-report.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, count: number) => void;

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Serves `handler` on 127.0.0.1 and runs the load until the server has seen `requests`. */
async function loadAgainst(handler: Handler, requests = 60): Promise<LoadReport> {
  const controller = new AbortController();
  let count = 0;
  const port = await listen(
    createServer((req, res) => {
      count += 1;
      if (count >= requests) controller.abort();
      handler(req, res, count);
    }),
  );
  return generateLoad({
    target: { url: `http://127.0.0.1:${port}` },
    next: (i) =>
      i % 2 === 0
        ? { method: 'POST', path: '/api/orders', body: { i } }
        : { method: 'GET', path: '/api/orders/1' },
    signal: controller.signal,
  });
}

describe('generateLoad', () => {
  it('counts every 2xx answer as a success and reports nothing wrong', async () => {
    const report = await loadAgainst((_, res) => res.writeHead(200).end('{}'));
    expect(report.sent).toBeGreaterThanOrEqual(60);
    expect(report.succeeded).toBe(report.sent);
    expect(loadProblems(report, 60)).toEqual([]);
  });

  it('counts answers outside 2xx by status', async () => {
    const report = await loadAgainst((_, res, n) => res.writeHead(n % 3 === 0 ? 503 : 201).end());
    expect(report.failedByStatus['503']).toBeGreaterThan(0);
    expect(loadProblems(report)).toEqual([expect.stringMatching(/requests failed \(503: \d+\)/)]);
  });

  it('counts a connection closed under a request as a reset', async () => {
    const report = await loadAgainst((req, res, n) =>
      n % 10 === 0 ? req.socket.destroy() : res.writeHead(200).end(),
    );
    expect(report.resets).toBeGreaterThan(0);
    expect(loadProblems(report).join()).toMatch(/connections reset/);
  });

  it('sees no reset when the server drains with Connection: close, as the services do on SIGTERM', async () => {
    const report = await loadAgainst((_, res, n) => {
      if (n % 5 === 0) res.setHeader('connection', 'close');
      res.writeHead(200).end();
    });
    expect(report.resets).toBe(0);
    expect(report.succeeded).toBe(report.sent);
  });

  it('paces the requests to maxPerSecond across the workers', async () => {
    const controller = new AbortController();
    const arrivals: number[] = [];
    const port = await listen(
      createServer((_, res) => {
        arrivals.push(performance.now());
        if (arrivals.length >= 6) controller.abort();
        res.writeHead(200).end();
      }),
    );
    const before = performance.now();
    const report = await generateLoad({
      target: { url: `http://127.0.0.1:${port}` },
      next: () => ({ method: 'GET', path: '/livez' }),
      signal: controller.signal,
      concurrency: 4,
      maxPerSecond: 20,
    });
    expect(loadProblems(report)).toEqual([]);
    // The sixth turn starts 5 × 50 ms after the first: a lower bound only, a slow machine just
    // takes longer. Back to back, four workers would send six within a few ms.
    expect((arrivals[5] ?? 0) - before).toBeGreaterThanOrEqual(250);
  });

  it('speaks TLS to the gateway by its host name, trusting the given CA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-load-tls-'));
    try {
      const pki = generateCertificates(dir, ['DNS:gateway.e2e.slipway.test']);
      const hosts: string[] = [];
      const controller = new AbortController();
      const server = createHttpsServer(
        { cert: readFileSync(pki.serverCert), key: readFileSync(pki.serverKey) },
        (req, res) => {
          hosts.push(req.headers.host ?? '');
          if (hosts.length >= 10) controller.abort();
          res.writeHead(200).end();
        },
      );
      const port = await listen(server);
      const report = await generateLoad({
        target: {
          url: `https://127.0.0.1:${port}`,
          host: 'gateway.e2e.slipway.test',
          ca: readFileSync(pki.caCert, 'utf8'),
        },
        next: () => ({ method: 'GET', path: '/livez' }),
        signal: controller.signal,
        concurrency: 2,
      });
      expect(loadProblems(report)).toEqual([]);
      expect(new Set(hosts)).toEqual(new Set(['gateway.e2e.slipway.test']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
