import { afterEach, describe, expect, it } from 'vitest';
import { createRoute, createRouter, z } from '../src/index.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

// What a validated POST gets from the kit, pinned field by field and header by header: the
// per-request work is tuned for speed, and none of it may change what a client or an operator
// sees.
const route = createRoute({
  method: 'post',
  path: '/orders',
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ quantity: z.number().int() }) } },
    },
  },
  responses: { 201: { description: 'The order' } },
});

let running: TestService | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(): Promise<TestService> {
  running = await startTestService(({ app }) => {
    const orders = createRouter().openapi(route, function echo(c) {
      c.var.logger.info('handling');
      return c.json(c.req.valid('json'), 201);
    });
    app.route('/', orders);
  });
  return running;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

// The headers the kit itself decides; Node adds date, connection, keep-alive and content-length.
function kitHeaders(response: Response): [string, string][] {
  const nodeOwn = new Set(['date', 'connection', 'keep-alive', 'content-length']);
  return [...response.headers].filter(([name]) => !nodeOwn.has(name));
}

const securityHeaders: [string, string][] = [
  ['content-security-policy', "default-src 'none'; frame-ancestors 'none'"],
  ['cross-origin-resource-policy', 'same-origin'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=31536000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];

describe('the hot path of a validated POST', () => {
  it('should answer with exactly the security headers, the content type and the echoed request id', async () => {
    const { url } = await start();
    const accepted = await post(url, '{"quantity":2}', { 'x-request-id': 'hot-1' });
    const refused = await post(url, '{"quantity":"2"}', { 'x-request-id': 'hot-2' });

    expect(accepted.status).toBe(201);
    expect(kitHeaders(accepted).sort()).toEqual(
      [...securityHeaders, ['content-type', 'application/json'], ['x-request-id', 'hot-1']].sort(),
    );
    expect(refused.status).toBe(400);
    expect(kitHeaders(refused).sort()).toEqual(
      [
        ...securityHeaders,
        ['content-type', 'application/problem+json'],
        ['x-request-id', 'hot-2'],
      ].sort(),
    );
  });

  it('should give each request a new id when the caller sent none', async () => {
    const { url } = await start();
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await post(url, '{"quantity":1}')).headers.get('x-request-id')),
    );

    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
    expect(new Set(ids).size).toBe(3);
  });

  it('should write the access line with the same fields in the same order, and the request id on the handler’s lines', async () => {
    const { url, logs } = await start();
    await post(url, '{"quantity":2}', { 'x-request-id': 'hot-3' });
    const lines = logs.filter((line) => line.requestId === 'hot-3');

    expect(lines.map((line) => line.msg)).toEqual(['handling', 'request completed']);
    expect(Object.keys(lines[1] ?? {})).toEqual([
      'level',
      'time',
      'pid',
      'hostname',
      'name',
      'requestId',
      'method',
      'path',
      'route',
      'status',
      'durationMs',
      'msg',
    ]);
    expect(lines[1]).toMatchObject({ method: 'POST', path: '/orders', route: '/orders' });
    expect(lines[1]?.status).toBe(201);
  });

  it('should write each line’s own time, as an ISO 8601 instant in UTC', async () => {
    const { url, logs } = await start();
    const before = Date.now();
    await post(url, '{"quantity":2}');
    const after = Date.now();
    const times = logs
      .filter((line) => line.msg === 'request completed')
      .map((line) => Date.parse(String(line.time)));

    expect(
      logs.every((line) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(String(line.time))),
    ).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(before);
    expect(times[0]).toBeLessThanOrEqual(after);
  });

  it('should count requests by method, route and status, each label set apart', async () => {
    const { url, metricsUrl } = await start();
    for (const body of ['{"quantity":1}', '{"quantity":2}', '{"quantity":"x"}'])
      await post(url, body);
    const text = await (await fetch(metricsUrl)).text();

    expect(text).toContain('http_requests_total{method="POST",route="/orders",status="201"} 2');
    expect(text).toContain('http_requests_total{method="POST",route="/orders",status="400"} 1');
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/orders",status="201"} 2',
    );
    expect(text).toContain(
      'http_request_duration_seconds_count{method="POST",route="/orders",status="400"} 1',
    );
  });
});
