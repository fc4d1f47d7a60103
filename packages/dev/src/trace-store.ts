import type { CollectedSpan } from './otlp-spans.ts';

/** One trace as the collector keeps it. */
export interface StoredTrace {
  readonly traceId: string;
  /** Its spans in the order they arrived. */
  readonly spans: readonly CollectedSpan[];
  /** Spans refused because the trace already held `maxSpansPerTrace`. */
  readonly droppedSpans: number;
  /** Grows with every change to any trace: a view prints a trace again when it grew. */
  readonly version: number;
  /** When a span of it last arrived (ms since the epoch, the collector's clock). */
  readonly updatedAt: number;
}

/** Options of {@link createTraceStore}. */
export interface TraceStoreOptions {
  /** Traces kept: adding one more forgets the least recently updated. Default 100. */
  readonly maxTraces?: number;
  /** Spans kept per trace; more are counted, not kept. Default 1000. */
  readonly maxSpansPerTrace?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

/** The last traces the local collector received, bounded in memory. */
export interface TraceStore {
  add(spans: readonly CollectedSpan[]): void;
  /** The kept traces, least recently updated first. */
  traces(): StoredTrace[];
}

/** Traces the local collector keeps by default. */
export const defaultMaxTraces = 100;

/**
 * Keeps the last `maxTraces` traces in memory, each with at most `maxSpansPerTrace` spans, so a
 * dev session that runs all day holds a bounded amount. A trace is "recent" by its last span:
 * one whose spans keep arriving is not forgotten while they do.
 * @example const store = createTraceStore({ maxTraces: 50 }); store.add(spansOfOtlpJson(body));
 */
export function createTraceStore({
  maxTraces = defaultMaxTraces,
  maxSpansPerTrace = 1000,
  now = Date.now,
}: TraceStoreOptions = {}): TraceStore {
  // A Map iterates in insertion order: deleting and setting again moves a trace to the end.
  const kept = new Map<string, StoredTrace>();
  let version = 0;
  return {
    add(spans) {
      const byTrace = Map.groupBy(spans, (span) => span.traceId);
      for (const [traceId, arrived] of byTrace) {
        const before = kept.get(traceId);
        const spansNow = [...(before?.spans ?? [])];
        const room = Math.max(0, maxSpansPerTrace - spansNow.length);
        spansNow.push(...arrived.slice(0, room));
        version += 1;
        kept.delete(traceId);
        kept.set(traceId, {
          traceId,
          spans: spansNow,
          droppedSpans: (before?.droppedSpans ?? 0) + Math.max(0, arrived.length - room),
          version,
          updatedAt: now(),
        });
      }
      for (const traceId of kept.keys()) {
        if (kept.size <= maxTraces) break;
        kept.delete(traceId);
      }
    },
    traces: () => [...kept.values()],
  };
}
