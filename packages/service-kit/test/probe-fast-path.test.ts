import { describe, expect, it } from 'vitest';
import { Health } from '@slipway/health';
import { createServiceApp, startService } from '../src/index.ts';

function serviceWith(health: Health) {
  return createServiceApp({
    name: 'probe-test',
    logLevel: 'silent',
    defaultMetrics: false,
    health,
  });
}

async function started(health: Health) {
  const service = serviceWith(health);
  const running = await startService(service, {
    host: '127.0.0.1',
    port: 0,
    handleSignals: false,
    drainDelayMs: 0,
  });
  return { service, running };
}

describe('probes on a running service', () => {
  it('answer with the same report the app routes give, never cached', async () => {
    const failing = {
      name: 'orders-db',
      dependency: true,
      check: () => Promise.reject(new Error('down')),
    };
    const { service, running } = await started(new Health({ readiness: [failing] }));
    try {
      for (const path of ['/livez', '/readyz', '/startupz']) {
        const served = await fetch(`${running.url}${path}`);
        const fromApp = await service.app.request(path);
        expect(served.status).toBe(fromApp.status);
        expect(served.headers.get('cache-control')).toBe('no-store');
        const servedBody = (await served.json()) as { checks: { durationMs: number }[] };
        const appBody = (await fromApp.json()) as { checks: { durationMs: number }[] };
        const withoutTimings = (body: { checks: { durationMs: number }[] }) => ({
          ...body,
          checks: body.checks.map((check) => ({ ...check, durationMs: 0 })),
        });
        expect(withoutTimings(servedBody)).toEqual(withoutTimings(appBody));
      }
      expect((await fetch(`${running.url}/readyz`)).status).toBe(503);
    } finally {
      await running.close();
    }
  });

  it('bypass the middleware: no request is counted in the metrics', async () => {
    const { service, running } = await started(new Health());
    try {
      await fetch(`${running.url}/livez?probe=kubelet`);
      await fetch(`${running.url}/unknown`);
      const metrics = await service.metrics.metrics();
      expect(metrics).toContain('route="unmatched"');
      expect(metrics).not.toContain('/livez');
    } finally {
      await running.close();
    }
  });

  it('answer HEAD with headers only, and leave other methods to the app', async () => {
    const { running } = await started(new Health());
    try {
      const head = await fetch(`${running.url}/livez`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      const post = await fetch(`${running.url}/livez`, { method: 'POST' });
      expect(post.status).toBe(405);
    } finally {
      await running.close();
    }
  });
});
