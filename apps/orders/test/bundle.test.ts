import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildService } from '@slipway/dev';
import {
  killOrdersProcesses,
  type OrdersProcess,
  startOrdersProcess,
} from './helpers/orders-process.ts';

const serviceDir = fileURLToPath(new URL('..', import.meta.url));
// Beside the service like `dist`, so packages resolve from the same node_modules as in the
// container image (docker/Dockerfile), without touching a developer's own build.
const outDir = '.test-results/bundle';

// An esbuild bundle, then PGlite booting PostgreSQL in WebAssembly: seconds, more on busy CI.
const startTimeoutMs = 120_000;

describe('the bundled orders service', () => {
  let orders: OrdersProcess;
  let url: string;

  beforeAll(async () => {
    await buildService({ serviceDir, outDir });
    // NODE_ENV=development turns the API reference on, as `npm run dev` does.
    orders = await startOrdersProcess({ NODE_ENV: 'development', SHUTDOWN_DRAIN_MS: '0' }, [
      '--enable-source-maps',
      `${outDir}/index.js`,
    ]);
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
});
