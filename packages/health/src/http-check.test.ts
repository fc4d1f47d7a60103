import { createServer, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, listenOnLoopback, trackSockets } from '../test/loopback.ts';
import { httpCheck } from './http-check.ts';
import { runCheck } from './run-check.ts';

describe('httpCheck against a real node:http server', () => {
  let lastHeaders: IncomingHttpHeaders = {};
  const server = createServer((request, response) => {
    lastHeaders = request.headers;
    const status = Number(new URL(request.url ?? '/', 'http://x').pathname.slice(1)) || 200;
    response.writeHead(status, status === 302 ? { location: '/200' } : {}).end('body');
  });
  const sockets = trackSockets(server);
  let base = '';

  beforeAll(async () => {
    base = `http://127.0.0.1:${await listenOnLoopback(server)}`;
  });
  afterAll(() => sockets.close());

  it('is a dependency check', () => {
    expect(httpCheck({ name: 'orders', url: base }).dependency).toBe(true);
  });

  it('passes on 200', async () => {
    const result = await runCheck(httpCheck({ name: 'orders', url: `${base}/200` }), 20_000);
    expect(result).toMatchObject({ name: 'orders', status: 'pass' });
  });

  it('fails on 500, naming the status but not the query string', async () => {
    const check = httpCheck({ name: 'orders', url: `${base}/500?token=sentinel-token` });
    const result = await runCheck(check, 20_000);
    expect(result).toMatchObject({ status: 'fail', error: `GET ${base}/500 answered 500` });
  });

  it('does not follow redirects, so 3xx fails unless expected', async () => {
    const strict = await runCheck(httpCheck({ name: 'r', url: `${base}/302` }), 20_000);
    expect(strict.error).toBe(`GET ${base}/302 answered 302`);
    const lenient = httpCheck({ name: 'r', url: `${base}/302`, expectedStatus: (s) => s < 400 });
    expect((await runCheck(lenient, 20_000)).status).toBe('pass');
  });

  it('sends URL credentials as Basic auth and never reports them', async () => {
    const url = `http://probe:sentinel-password@127.0.0.1:${new URL(base).port}/503`;
    const result = await runCheck(httpCheck({ name: 'orders', url }), 20_000);
    expect(lastHeaders.authorization).toBe(
      `Basic ${Buffer.from('probe:sentinel-password').toString('base64')}`,
    );
    expect(result.error).toBe(`GET ${base}/503 answered 503`);
  });

  it('fails when the connection is refused', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/livez`;
    const result = await runCheck(httpCheck({ name: 'orders', url }), 20_000);
    expect(result).toMatchObject({ status: 'fail', error: `GET ${url} failed (ECONNREFUSED)` });
  });

  it('refuses an invalid URL when created', () => {
    expect(() => httpCheck({ name: 'orders', url: 'not a url' })).toThrow(/httpCheck 'orders'/);
  });
});
