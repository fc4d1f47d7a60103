import { once } from 'node:events';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { collectorUrl, shareTraceCollector } from '../src/shared-trace-collector.ts';
import { startTraceCollector } from '../src/trace-collector.ts';
import { freePort } from './dev-process.ts';

const started: { close(): unknown }[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) await server.close();
});
function keep<T extends { close(): unknown }>(server: T): T {
  started.push(server);
  return server;
}

const export1 = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
              spanId: '00f067aa0ba902b7',
              name: 'GET /orders',
              startTimeUnixNano: '1765000000000000000',
              endTimeUnixNano: '1765000000001000000',
            },
          ],
        },
      ],
    },
  ],
});

describe('the local trace collector', () => {
  it('should keep an OTLP/HTTP JSON export and list it', async () => {
    const collector = keep(await startTraceCollector({ port: 0 }));
    const posted = await fetch(`${collectorUrl(collector.port)}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: export1,
    });
    expect(posted.status).toBe(200);
    const listed = (await (
      await fetch(`${collectorUrl(collector.port)}/slipway/traces`)
    ).json()) as {
      traces: { traceId: string; spans: { service: string; name: string }[] }[];
    };
    expect(listed.traces).toEqual([
      expect.objectContaining({
        traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
        spans: [expect.objectContaining({ service: 'orders', name: 'GET /orders' })],
      }),
    ]);
  });

  it('should refuse protobuf with the variable that switches the exporter to JSON', async () => {
    const collector = keep(await startTraceCollector({ port: 0 }));
    const posted = await fetch(`${collectorUrl(collector.port)}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-protobuf' },
      body: new Uint8Array([10, 0]),
    });
    expect(posted.status).toBe(415);
    expect(await posted.text()).toContain('OTEL_EXPORTER_OTLP_PROTOCOL=http/json');
  });
});

describe('shareTraceCollector', () => {
  it('should let the first of several starting at once bind the port, and the others share it', async () => {
    const port = await freePort();
    const shared = await Promise.all([1, 2, 3].map(() => shareTraceCollector(port)));
    for (const one of shared) if (one.state === 'hosting') keep(one.collector);
    expect(shared.map((one) => one.state).sort()).toEqual(['hosting', 'shared', 'shared']);
  });

  it("should say 'taken' when something else holds the port", async () => {
    const port = await freePort();
    const other = keep(
      createServer((_req, res) => res.end('not a collector')).listen(port, '127.0.0.1'),
    );
    await once(other, 'listening');
    expect(await shareTraceCollector(port)).toEqual({ state: 'taken' });
  });
});
