import { describe, expect, it } from 'vitest';
import { spansOfOtlpJson } from './otlp-spans.ts';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const body = JSON.stringify({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
      scopeSpans: [
        {
          spans: [
            {
              traceId,
              spanId: '00f067aa0ba902b7',
              parentSpanId: '',
              name: 'POST /orders',
              kind: 2,
              startTimeUnixNano: '1765000000123456789',
              endTimeUnixNano: '1765000000135956789',
              status: { code: 2 },
              attributes: [
                { key: 'http.response.status_code', value: { intValue: 500 } },
                { key: 'error.type', value: { stringValue: 'Error' } },
                { key: 'ok', value: { boolValue: false } },
              ],
            },
            {
              traceId,
              spanId: 'zz',
              name: 'not hex',
              startTimeUnixNano: '1',
              endTimeUnixNano: '2',
            },
            { traceId, spanId: '1111111111111111', name: 'no times' },
          ],
        },
      ],
    },
  ],
});

describe('spansOfOtlpJson', () => {
  it('should read the service, ids, times in ms, failure and attributes of an OTLP/JSON span', () => {
    expect(spansOfOtlpJson(body)).toEqual([
      {
        traceId,
        spanId: '00f067aa0ba902b7',
        service: 'orders',
        name: 'POST /orders',
        startMs: 1765000000123.4568,
        durationMs: expect.closeTo(12.5, 6),
        failed: true,
        attributes: { 'http.response.status_code': 500, 'error.type': 'Error', ok: false },
      },
    ]);
  });

  it('should keep the parent span id of a child span', () => {
    const child = body.replace('"parentSpanId":""', '"parentSpanId":"AAAAAAAAAAAAAAAA"');
    expect(spansOfOtlpJson(child)[0]?.parentSpanId).toBe('aaaaaaaaaaaaaaaa');
  });

  it('should throw on a body that is not JSON', () => {
    expect(() => spansOfOtlpJson('\u0000protobuf')).toThrow();
  });
});
