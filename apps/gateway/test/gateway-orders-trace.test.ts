import { createApp as createOrdersApp } from 'orders/app';
import { createOrdersStore, type Database, openDatabase } from 'orders/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningService, startService } from '@slipway/service-kit';
import { type CollectedSpans, collectSpans } from '@slipway/service-kit/testing';
import { createApp } from '../src/app.ts';

// Issue #22's end-to-end check of tracing: both real services on loopback ports, orders on its
// real store over PGlite, the SDK of `@slipway/service-kit/tracing` with an in-memory exporter.
const listenOptions = { port: 0, host: '127.0.0.1', handleSignals: false } as const;
const newOrder = { customerId: 'cus_7', currency: 'USD', items: [{ sku: 'SKU-9', quantity: 1 }] };
// PGlite boots PostgreSQL in WebAssembly, then the migrations run: seconds, more on busy CI.
const startTimeoutMs = 120_000;

type LogLine = Record<string, unknown>;

/** Collects the JSON log lines a service writes (pino writes one line per call). */
function logSink() {
  const lines: LogLine[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

describe('a POST through gateway to orders and its database', () => {
  let collected: CollectedSpans;
  let database: Database;
  let orders: RunningService;
  let gateway: RunningService;
  const ordersLogs = logSink();
  const gatewayLogs = logSink();

  beforeAll(async () => {
    // Before the apps are built: createServiceApp adds its tracing only when tracing is on.
    collected = collectSpans();
    database = await openDatabase();
    orders = await startService(
      createOrdersApp({
        store: createOrdersStore(database.db),
        options: { logLevel: 'info', logDestination: ordersLogs.stream },
      }),
      listenOptions,
    );
    gateway = await startService(
      createApp({
        orders: { baseUrl: orders.url, timeoutMs: 5_000 },
        options: { logLevel: 'info', logDestination: gatewayLogs.stream },
      }),
      listenOptions,
    );
    // Migrations ran outside any trace; nothing before the request belongs to it.
    collected.reset();
  }, startTimeoutMs);
  afterAll(async () => {
    await gateway?.close();
    await orders?.close();
    await database?.close();
    await collected?.stop();
  });

  it('makes one trace: gateway server and client spans, orders server span, its statements; one trace_id in both logs', async () => {
    const created = await fetch(`${gateway.url}/api/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(newOrder),
    });
    expect(created.status).toBe(201);

    const spans = collected.spans();
    const traceIds = new Set(spans.map((span) => span.spanContext().traceId));
    expect(traceIds.size).toBe(1);
    const [traceId] = traceIds;
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);

    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const parentOf = (name: string) =>
      byId.get(spans.find((span) => span.name === name)?.parentSpanContext?.spanId ?? '')?.name;
    expect(
      spans.find((span) => span.name === 'POST /api/orders')?.parentSpanContext,
    ).toBeUndefined();
    expect(parentOf('POST orders')).toBe('POST /api/orders');
    expect(parentOf('POST /orders')).toBe('POST orders');

    // Every statement runs under orders' server span, directly or inside its transaction.
    const statements = spans.filter((span) => span.attributes['db.system.name'] === 'postgresql');
    expect(statements.map((span) => span.name)).toContain('INSERT orders');
    const ordersServer = spans.find((span) => span.name === 'POST /orders');
    for (const statement of statements) {
      let ancestor = byId.get(statement.parentSpanContext?.spanId ?? '');
      while (ancestor && ancestor !== ordersServer) {
        ancestor = byId.get(ancestor.parentSpanContext?.spanId ?? '');
      }
      expect(ancestor, statement.name).toBe(ordersServer);
    }

    const completed = (lines: LogLine[]) => lines.find((line) => line.msg === 'request completed');
    expect(completed(gatewayLogs.lines)).toMatchObject({ path: '/api/orders', trace_id: traceId });
    expect(completed(ordersLogs.lines)).toMatchObject({ path: '/orders', trace_id: traceId });
  });
});
