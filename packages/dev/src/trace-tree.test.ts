import { describe, expect, it } from 'vitest';
import type { CollectedSpan } from './otlp-spans.ts';
import type { StoredTrace } from './trace-store.ts';
import { formatTraceTree, orderTraces } from './trace-tree.ts';

const at = new Date(2026, 0, 1, 10, 0, 0).getTime();
const span = (
  fields: Partial<CollectedSpan> & Pick<CollectedSpan, 'spanId' | 'name'>,
): CollectedSpan => ({
  traceId: 'ab'.repeat(16),
  service: 'gateway',
  startMs: at,
  durationMs: 1,
  failed: false,
  attributes: {},
  ...fields,
});
const traceOf = (spans: CollectedSpan[], traceId = 'ab'.repeat(16)): StoredTrace => ({
  traceId,
  spans,
  droppedSpans: 0,
  version: 1,
  updatedAt: 0,
});

// Spans arrive in batches, children before parents: the tree does not depend on that order.
const spans = [
  span({
    spanId: 'd1',
    parentSpanId: 'c1',
    service: 'orders',
    name: 'INSERT order_items',
    startMs: at + 9,
    durationMs: 3.06,
  }),
  span({
    spanId: 'd0',
    parentSpanId: 'c1',
    service: 'orders',
    name: 'INSERT orders',
    startMs: at + 5,
    durationMs: 3.9,
  }),
  span({
    spanId: 'c1',
    parentSpanId: 'b1',
    service: 'orders',
    name: 'POST /orders',
    startMs: at + 3,
    durationMs: 16.7,
    attributes: { 'http.response.status_code': 201 },
  }),
  span({
    spanId: 'b1',
    parentSpanId: 'a1',
    name: 'POST orders',
    startMs: at + 2,
    durationMs: 36.7,
    attributes: { 'http.response.status_code': 201 },
  }),
  span({
    spanId: 'a1',
    name: 'POST /api/orders',
    durationMs: 42.5,
    attributes: { 'http.response.status_code': 201 },
  }),
];

describe('formatTraceTree', () => {
  it('should nest each span under its parent, children in the order they started', () => {
    expect(formatTraceTree(traceOf(spans))).toBe(
      [
        `10:00:00.000  POST /api/orders  201  42.5 ms  trace ${'ab'.repeat(16)}  5 spans`,
        '└─ gateway  POST /api/orders  201  42.5 ms',
        '   └─ gateway  POST orders  201  36.7 ms',
        '      └─ orders  POST /orders  201  16.7 ms',
        '         ├─ orders  INSERT orders  3.9 ms',
        '         └─ orders  INSERT order_items  3.1 ms',
      ].join('\n'),
    );
  });

  it('should mark a failed span and its trace, with the error type', () => {
    const failed = [
      span({
        spanId: 'a1',
        name: 'POST /api/orders',
        durationMs: 5,
        attributes: { 'http.response.status_code': 502 },
      }),
      span({
        spanId: 'b1',
        parentSpanId: 'a1',
        name: 'POST orders',
        startMs: at + 1,
        failed: true,
        attributes: { 'error.type': 'unreachable' },
      }),
    ];
    const lines = formatTraceTree(traceOf(failed)).split('\n');
    expect(lines[0]).toContain('POST /api/orders  502  5.0 ms  ✗  trace');
    expect(lines[1]).toBe('└─ gateway  POST /api/orders  502  5.0 ms  ✗');
    expect(lines[2]).toBe('   └─ gateway  POST orders  1.0 ms  ✗ unreachable');
  });

  it('should start a tree at a span whose parent did not arrive, and say so', () => {
    const orphan = formatTraceTree(traceOf([spans[2] as CollectedSpan]));
    expect(orphan.split('\n')[1]).toBe(
      '└─ orders  POST /orders  201  16.7 ms  (its parent span did not arrive)',
    );
  });
});

describe('orderTraces', () => {
  it('should order traces by start, the newest last, and keep the last count', () => {
    const early = traceOf([span({ spanId: 'a', name: 'early', startMs: at })], 'early');
    const late = traceOf([span({ spanId: 'b', name: 'late', startMs: at + 10 })], 'late');
    const middle = traceOf([span({ spanId: 'c', name: 'middle', startMs: at + 5 })], 'middle');
    expect(orderTraces([late, early, middle], 2).map((trace) => trace.traceId)).toEqual([
      'middle',
      'late',
    ]);
    expect(orderTraces([late], 0)).toEqual([]);
  });
});
