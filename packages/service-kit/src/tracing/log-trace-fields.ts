import { trace } from '@opentelemetry/api';

/** The fields {@link logTraceFields} adds to a log line. */
export interface LogTraceFields {
  /** 32 hex digits: the trace the line was written in. */
  readonly trace_id?: string;
  /** 16 hex digits: the span active when the line was written. */
  readonly span_id?: string;
  /** `01` when the trace is sampled (exported), `00` when not. */
  readonly trace_flags?: string;
}

/**
 * The active span's ids, in the field names OpenTelemetry's log data model and its pino
 * instrumentation use, for the logger's `mixin`: every line written while a request (or an
 * outgoing call, or a query) is traced carries `trace_id` and `span_id`; outside a span, or
 * with tracing off, nothing is added.
 * @example pino({ mixin: logTraceFields }).info('order created'); // {"trace_id":"4bf9…","span_id":"00f0…",…}
 */
export function logTraceFields(): LogTraceFields {
  const span = trace.getActiveSpan();
  // A new object each time: pino merges the line's own fields into what the mixin returns.
  if (span === undefined) return {};
  const { traceId, spanId, traceFlags } = span.spanContext();
  return {
    trace_id: traceId,
    span_id: spanId,
    trace_flags: traceFlags.toString(16).padStart(2, '0'),
  };
}
