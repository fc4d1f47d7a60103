import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requestIdAttribute } from '../src/index.ts';
import { type CollectedSpans, collectSpans } from '../src/testing/index.ts';
import { startTestService, type TestService } from './helpers/test-service.ts';

let collected: CollectedSpans;
let running: TestService | undefined;

beforeEach(() => {
  collected = collectSpans({ serviceName: 'test-service' });
});
afterEach(async () => {
  await running?.close();
  running = undefined;
  await collected.stop();
});

function serverSpans() {
  return collected.spans().filter((span) => span.kind === SpanKind.SERVER);
}

describe('tracing a started service', () => {
  it('should end one server span per request, named by method and route template', async () => {
    running = await startTestService(({ app }) => {
      app.post('/orders/:id/lines', (c) => c.json({ ok: true }, 201));
    });
    const response = await fetch(`${running.url}/orders/42/lines`, {
      method: 'POST',
      headers: { 'x-request-id': 'req-1' },
    });
    expect(response.status).toBe(201);

    const [span, ...others] = serverSpans();
    expect(others).toEqual([]);
    expect(span?.name).toBe('POST /orders/:id/lines');
    expect(span?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/orders/:id/lines',
      'url.path': '/orders/42/lines',
      'http.response.status_code': 201,
      [requestIdAttribute]: ['req-1'],
    });
    expect(span?.resource.attributes['service.name']).toBe('test-service');
    expect(span?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('should continue the caller trace given in traceparent', async () => {
    running = await startTestService(({ app }) => {
      app.get('/ping', (c) => c.text('pong'));
    });
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    await fetch(`${running.url}/ping`, {
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    const [span] = serverSpans();
    expect(span?.spanContext().traceId).toBe(traceId);
    expect(span?.parentSpanContext?.spanId).toBe(callerSpanId);
  });

  it('should put the span ids on every log line of the request', async () => {
    running = await startTestService(({ app }) => {
      app.get('/work', (c) => {
        c.var.logger.info('working');
        return c.text('done');
      });
    });
    await fetch(`${running.url}/work`);
    const [span] = serverSpans();
    const { traceId, spanId } = span?.spanContext() ?? {};
    const requestLines = running.logs.filter((line) => line.requestId !== undefined);
    expect(requestLines.map((line) => line.msg)).toEqual(['working', 'request completed']);
    for (const line of requestLines) {
      expect(line).toMatchObject({ trace_id: traceId, span_id: spanId, trace_flags: '01' });
    }
    // Outside a request no span is active: the start-up line has no ids.
    expect(running.logs.find((line) => line.url !== undefined)).not.toHaveProperty('trace_id');
  });

  it('should fail the span of a 5xx with the error safe form, not its message', async () => {
    running = await startTestService(({ app }) => {
      app.get('/boom', () => {
        throw new Error('connect to postgres://app:hunter2@db failed');
      });
    });
    expect((await fetch(`${running.url}/boom`)).status).toBe(500);
    const [span] = serverSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.attributes['error.type']).toBe('Error');
    const [event] = span?.events ?? [];
    expect(event?.name).toBe('exception');
    expect(JSON.stringify(event?.attributes)).not.toContain('hunter2');
  });

  it('should not trace the probes, and a 404 is named by its method alone', async () => {
    running = await startTestService();
    await fetch(`${running.url}/livez`);
    expect((await running.service.app.request('/readyz')).status).toBe(200);
    await fetch(`${running.url}/nowhere`);
    expect(serverSpans().map((span) => span.name)).toEqual(['GET']);
  });
});

describe('with tracing off', () => {
  it('should add no span and no trace fields', async () => {
    await collected.stop();
    running = await startTestService(({ app }) => {
      app.get('/work', (c) => c.text('done'));
    });
    collected = collectSpans();
    await fetch(`${running.url}/work`);
    expect(collected.spans()).toEqual([]);
    const line = running.logs.find((log) => log.msg === 'request completed');
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('trace_id');
  });
});
