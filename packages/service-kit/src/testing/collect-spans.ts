import { context, propagation, trace } from '@opentelemetry/api';
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace';
import { startTracing } from '../tracing/start-tracing.ts';

/** Spans collected in memory by {@link collectSpans}. */
export interface CollectedSpans {
  /** Every span ended so far, oldest first. */
  spans(): readonly ReadableSpan[];
  /** Forgets the spans collected so far. */
  reset(): void;
  /** Unregisters the SDK: tracing is off again. */
  stop(): Promise<void>;
}

/**
 * Starts tracing as the `--import` entry does, but each span is kept in memory as it ends
 * instead of being batched to a collector. Call it before `createServiceApp` (which adds its
 * tracing middleware only when tracing is on), and `stop()` after the test.
 * @example
 * const collected = collectSpans({ serviceName: 'orders' });
 * await app.request('/orders', { method: 'POST', body });
 * expect(collected.spans().map((span) => span.name)).toContain('POST /orders');
 */
export function collectSpans({
  serviceName = 'test',
}: {
  serviceName?: string;
} = {}): CollectedSpans {
  const exporter = new InMemorySpanExporter();
  const provider = startTracing({
    serviceName,
    spanProcessor: new SimpleSpanProcessor({ exporter }),
  });
  return {
    spans: () => exporter.getFinishedSpans(),
    reset: () => exporter.reset(),
    async stop() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
