import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { requestDeadlineHeader } from '@slipway/platform-contract';
import {
  createServiceApp,
  deadlineOf,
  type RunningService,
  startService,
} from '@slipway/service-kit';
import { createServiceClient, forwardRequestId } from '../src/index.ts';

const running: RunningService[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
});

const stockApi = new Hono().get('/stock/:sku', (c) => c.json({ sku: c.req.param('sku') }));

/** shop → stock, both with the kit's middleware; stock reports the deadline it was given. */
async function startShopAndStock() {
  const stockSaw: (number | undefined)[] = [];
  let stockCalls = 0;
  const stock = createServiceApp({ name: 'stock', defaultMetrics: false, logLevel: 'silent' });
  stock.app.get('/stock/:sku', (c) => {
    stockCalls += 1;
    stockSaw.push(deadlineOf(c)?.remainingMs());
    return c.json({ sku: c.req.param('sku') });
  });
  const stockUrl = await start(stock);
  const client = createServiceClient<typeof stockApi>({
    service: 'stock',
    baseUrl: stockUrl,
    timeoutMs: 10_000,
  });
  const shop = createServiceApp({ name: 'shop', defaultMetrics: false, logLevel: 'silent' });
  shop.app.get('/buy/:sku', async (c) => {
    const answer = await client.stock[':sku'].$get(
      { param: { sku: c.req.param('sku') } },
      forwardRequestId(c),
    );
    return c.json(await answer.json());
  });
  return { shopUrl: await start(shop), stockSaw, stockCalls: () => stockCalls };
}

async function start(service: Parameters<typeof startService>[0]): Promise<string> {
  const started = await startService(service, { port: 0, host: '127.0.0.1', handleSignals: false });
  running.push(started);
  return started.url;
}

describe('a deadline across two services', () => {
  it("should give the callee what is left of the caller's deadline, never more", async () => {
    const { shopUrl, stockSaw } = await startShopAndStock();

    const answer = await fetch(`${shopUrl}/buy/A-1`, {
      headers: { [requestDeadlineHeader]: '5000' },
    });

    expect(answer.status).toBe(200);
    expect(stockSaw).toHaveLength(1);
    expect(stockSaw[0]).toBeGreaterThan(0);
    expect(stockSaw[0]).toBeLessThanOrEqual(5000);
  });

  it("should bound the call by the client's own timeout when the caller sent no deadline", async () => {
    const { shopUrl, stockSaw } = await startShopAndStock();

    await fetch(`${shopUrl}/buy/A-1`);

    expect(stockSaw[0]).toBeGreaterThan(5000);
    expect(stockSaw[0]).toBeLessThanOrEqual(10_000);
  });

  it('should answer 504 without calling on when the request arrives with no time left', async () => {
    const { shopUrl, stockCalls } = await startShopAndStock();

    const answer = await fetch(`${shopUrl}/buy/A-1`, { headers: { [requestDeadlineHeader]: '0' } });

    expect(answer.status).toBe(504);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(stockCalls()).toBe(0);
  });
});
