import { createServer } from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveCallPolicy } from '@slipway/platform-contract';
import { createServiceApp, type RunningService, startService } from '@slipway/service-kit';
import { createServiceClient } from '../src/index.ts';

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
});

const stockApi = new Hono().get('/stock/:sku', (c) => c.json({ sku: c.req.param('sku') }));

/** A loopback port nobody listens on: calls to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** shop, whose client calls a stock that refuses every connection. */
async function startShop() {
  const client = createServiceClient<typeof stockApi>({
    service: 'stock',
    baseUrl: `http://127.0.0.1:${await closedPort()}`,
    policy: resolveCallPolicy({
      retry: { attempts: 0 },
      breaker: { minimumCalls: 2, failurePercent: 50, openMs: 4_500 },
    }),
  });
  const shop = createServiceApp({ name: 'shop', defaultMetrics: false, logLevel: 'silent' });
  shop.app.get('/buy/:sku', async (c) => {
    const answer = await client.stock[':sku'].$get({ param: { sku: c.req.param('sku') } });
    return c.json(await answer.json());
  });
  const started = await startService(shop, { port: 0, host: '127.0.0.1', handleSignals: false });
  running.push(started);
  return started.url;
}

describe("a fast failure, as the caller's caller sees it", () => {
  it('should answer 503 with Retry-After once the breaker is open, so the next caller does not count it as broken', async () => {
    const shopUrl = await startShop();
    for (let i = 0; i < 2; i += 1) {
      const refused = await fetch(`${shopUrl}/buy/A-1`);
      expect(refused.status).toBe(502);
      expect(refused.headers.get('retry-after')).toBeNull();
    }

    const fastFailure = await fetch(`${shopUrl}/buy/A-1`);

    expect(fastFailure.status).toBe(503);
    // The breaker half-opens after openMs: 4.5 s, rounded up.
    expect(fastFailure.headers.get('retry-after')).toBe('5');
    expect(fastFailure.headers.get('content-type')).toBe('application/problem+json');
  });
});
