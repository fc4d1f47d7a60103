import { describe, expect, it } from 'vitest';
import type { CollectedSpan } from './otlp-spans.ts';
import { createTraceStore } from './trace-store.ts';

const span = (traceId: string, spanId = '01'): CollectedSpan => ({
  traceId,
  spanId,
  service: 'orders',
  name: 'GET /orders',
  startMs: 0,
  durationMs: 1,
  failed: false,
  attributes: {},
});

describe('createTraceStore', () => {
  it('should keep only the last maxTraces traces', () => {
    const store = createTraceStore({ maxTraces: 2 });
    store.add([span('a')]);
    store.add([span('b')]);
    store.add([span('c')]);
    expect(store.traces().map((trace) => trace.traceId)).toEqual(['b', 'c']);
  });

  it('should forget the least recently updated trace, not the oldest', () => {
    const store = createTraceStore({ maxTraces: 2 });
    store.add([span('a'), span('b')]);
    store.add([span('a', '02')]);
    store.add([span('c')]);
    expect(store.traces().map((trace) => trace.traceId)).toEqual(['a', 'c']);
    expect(store.traces()[0]?.spans).toHaveLength(2);
  });

  it('should count, not keep, the spans of a trace beyond maxSpansPerTrace', () => {
    const store = createTraceStore({ maxSpansPerTrace: 2 });
    store.add([span('a', '01'), span('a', '02'), span('a', '03')]);
    const [trace] = store.traces();
    expect(trace?.spans.map((kept) => kept.spanId)).toEqual(['01', '02']);
    expect(trace?.droppedSpans).toBe(1);
  });

  it('should give a trace a new version and time each time spans of it arrive', () => {
    let now = 1000;
    const store = createTraceStore({ now: () => now });
    store.add([span('a')]);
    const first = store.traces()[0];
    now = 2000;
    store.add([span('a', '02')]);
    const second = store.traces()[0];
    expect(second?.version).toBeGreaterThan(first?.version ?? Infinity);
    expect([first?.updatedAt, second?.updatedAt]).toEqual([1000, 2000]);
  });
});
