import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '@slipway/dev';
import { startOtlpReceiver } from '@slipway/service-kit/testing';
import {
  killOrdersProcesses,
  type OrdersProcess,
  startOrdersProcess,
} from './helpers/orders-process.ts';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));
// Beside the service like `dist`, so packages resolve from the same node_modules as in the
// container image (docker/Dockerfile), without touching a developer's own build.
const outDir = '.test-results/bundle';
// How docker/Dockerfile's CMD starts the service, on this output folder.
const asTheImage = [
  '--import',
  `./${outDir}/tracing.js`,
  '--enable-source-maps',
  `${outDir}/index.js`,
];
const newOrder = { customerId: 'cus_7', currency: 'EUR', items: [{ sku: 'SKU-1', quantity: 2 }] };

// An esbuild bundle, then PGlite booting PostgreSQL in WebAssembly: seconds, more on busy CI.
const startTimeoutMs = 120_000;

describe('the bundled orders service, started as the image starts it', () => {
  let orders: OrdersProcess;
  let url: string;

  beforeAll(async () => {
    await buildService({ serviceDir, outDir });
    // NODE_ENV=development turns the API reference on, as `npm run dev` does. No
    // OTEL_EXPORTER_OTLP_ENDPOINT: the tracing entry point loads and does nothing.
    orders = await startOrdersProcess(
      { NODE_ENV: 'development', SHUTDOWN_DRAIN_MS: '0', OTEL_EXPORTER_OTLP_ENDPOINT: '' },
      asTheImage,
    );
    url = `http://127.0.0.1:${orders.port}`;
  }, startTimeoutMs);
  afterAll(killOrdersProcesses);

  it('serves the API reference page and every file it loads, from node_modules', async () => {
    const page = await fetch(`${url}/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const loaded = [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((match) => match[1] ?? '');
    expect(loaded).toHaveLength(3);
    for (const path of loaded) {
      expect(path).toMatch(/^\/docs\/assets\//);
      const asset = await fetch(`${url}${path}`);
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type'), path).toMatch(/^text\/(javascript|css)/);
      expect((await asset.text()).length, path).toBeGreaterThan(0);
    }
  });

  it(
    'exports the spans of a request, server and database, when OTEL_EXPORTER_OTLP_ENDPOINT is set',
    async () => {
      const receiver = await startOtlpReceiver();
      try {
        const traced = await startOrdersProcess(
          {
            SHUTDOWN_DRAIN_MS: '0',
            OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
            // Far beyond the test: the spans arrive through the shutdown's flush.
            OTEL_BSP_SCHEDULE_DELAY: '600000',
          },
          asTheImage,
        );
        const created = await fetch(`http://127.0.0.1:${traced.port}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(newOrder),
        });
        expect(created.status).toBe(201);
        traced.child.kill('SIGTERM');
        expect(await traced.exited).toBe(0);

        const server = receiver.spans.find((span) => span.name === 'POST /orders');
        expect(server).toMatchObject({
          serviceName: 'orders',
          traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
        });
        const inserts = receiver.spans.filter((span) => span.name === 'INSERT orders');
        expect(inserts.length).toBeGreaterThan(0);
        expect(inserts.every((span) => span.traceId === server?.traceId)).toBe(true);
      } finally {
        await receiver.close();
      }
    },
    startTimeoutMs,
  );
});
