import { SpanKind } from '@opentelemetry/api';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createServiceApp,
  type RunningService,
  type Service,
  startService,
} from '@slipway/service-kit';
import { type CollectedSpans, collectSpans } from '@slipway/service-kit/testing';
import { createServiceClient, forwardRequestId } from '../src/index.ts';

type LogLine = Record<string, unknown>;

let collected: CollectedSpans;
const running: RunningService[] = [];

beforeEach(() => {
  collected = collectSpans();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((service) => service.close()));
  await collected.stop();
});

/** A started service whose log lines are kept in `logs`. */
async function startLogged(name: string, addRoutes: (app: Service['app']) => void) {
  const logs: LogLine[] = [];
  const service = createServiceApp({
    name,
    defaultMetrics: false,
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  addRoutes(service.app);
  const started = await startService(service, { port: 0, host: '127.0.0.1', handleSignals: false });
  running.push(started);
  return { url: started.url, logs };
}

const stockApi = new Hono().get('/stock/:sku', (c) => c.json({ sku: c.req.param('sku') }));

describe('one request through two services', () => {
  it('should make one trace: server span, client span, callee server span, same trace_id in both logs', async () => {
    let traceparent: string | undefined;
    const stock = await startLogged('stock', (app) => {
      app.get('/stock/:sku', (c) => {
        traceparent = c.req.header('traceparent');
        c.var.logger.info('stock read');
        return c.json({ sku: c.req.param('sku') });
      });
    });
    const client = createServiceClient<typeof stockApi>({
      service: 'stock',
      baseUrl: stock.url,
      timeoutMs: 5000,
    });
    const shop = await startLogged('shop', (app) => {
      app.get('/buy/:sku', async (c) => {
        const answer = await client.stock[':sku'].$get(
          { param: { sku: c.req.param('sku') } },
          forwardRequestId(c),
        );
        return c.json(await answer.json());
      });
    });

    expect((await fetch(`${shop.url}/buy/A-1`)).status).toBe(200);

    const spans = collected.spans();
    const shopServer = spans.find((span) => span.name === 'GET /buy/:sku');
    const call = spans.find((span) => span.kind === SpanKind.CLIENT);
    const stockServer = spans.find((span) => span.name === 'GET /stock/:sku');
    expect(call?.name).toBe('GET stock');
    expect(call?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.response.status_code': 200,
      'server.address': '127.0.0.1',
      'url.full': `${stock.url}/stock/A-1`,
    });
    const traceId = shopServer?.spanContext().traceId;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(call?.parentSpanContext?.spanId).toBe(shopServer?.spanContext().spanId);
    expect(stockServer?.parentSpanContext?.spanId).toBe(call?.spanContext().spanId);
    expect(stockServer?.spanContext().traceId).toBe(traceId);
    expect(traceparent).toBe(`00-${traceId}-${call?.spanContext().spanId}-01`);

    const stockLine = stock.logs.find((line) => line.msg === 'stock read');
    const shopLine = shop.logs.find((line) => line.msg === 'request completed');
    expect(stockLine).toMatchObject({ trace_id: traceId, requestId: shopLine?.requestId });
    expect(shopLine).toMatchObject({ trace_id: traceId });
  });

  it('should fail the client span with the failure when the callee is down', async () => {
    const client = createServiceClient<typeof stockApi>({
      service: 'stock',
      baseUrl: 'http://127.0.0.1:9',
      timeoutMs: 5000,
    });
    await expect(client.stock[':sku'].$get({ param: { sku: 'A-1' } })).rejects.toThrow(
      'stock is unreachable.',
    );
    const [call] = collected.spans();
    expect(call?.attributes['error.type']).toBe('unreachable');
  });
});
