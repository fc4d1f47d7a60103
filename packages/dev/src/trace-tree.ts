import { styleText } from 'node:util';
import type { CollectedSpan } from './otlp-spans.ts';
import type { StoredTrace } from './trace-store.ts';

type Style = Parameters<typeof styleText>[0];

/** Options of {@link formatTraceTree}. */
export interface FormatTraceTreeOptions {
  /** Colour services, failures and durations with ANSI codes; defaults to false. */
  readonly color?: boolean;
}

/** The mark of a failed span (status ERROR, or an HTTP status of 500 or more). */
const failedMark = '✗';

/**
 * Draws one trace as a tree a person reads: a head line (when it started, its root's name and
 * duration, its id), then each span under its parent, children in the order they started, as
 * `service  name  status  duration` (`orders  POST /orders  201  12.4 ms`). A failed span says
 * `✗` and its `error.type`. A span whose parent never arrived (the caller is not traced, or its
 * spans were not sent yet) starts a tree of its own, marked so.
 * @example console.log(formatTraceTree(trace));
 */
export function formatTraceTree(
  trace: StoredTrace,
  { color = false }: FormatTraceTreeOptions = {},
): string {
  const paint = (style: Style, text: string) =>
    color ? styleText(style, text, { validateStream: false }) : text;
  const ids = new Set(trace.spans.map((span) => span.spanId));
  const children = Map.groupBy(
    trace.spans.filter((span) => span.parentSpanId !== undefined && ids.has(span.parentSpanId)),
    (span) => span.parentSpanId ?? '',
  );
  const roots = sortByStart(
    trace.spans.filter((span) => span.parentSpanId === undefined || !ids.has(span.parentSpanId)),
  );
  const lines: string[] = [];
  const describe = (span: CollectedSpan) => {
    const failed = isFailed(span);
    const status = statusOf(span);
    const errorType = span.attributes['error.type'];
    return [
      paint('cyan', span.service),
      failed ? paint('red', span.name) : span.name,
      status === undefined ? '' : failed ? paint('red', String(status)) : String(status),
      paint('gray', formatMs(span.durationMs)),
      failed
        ? paint('red', `${failedMark}${typeof errorType === 'string' ? ` ${errorType}` : ''}`)
        : '',
    ]
      .filter((part) => part !== '')
      .join('  ');
  };
  const draw = (span: CollectedSpan, prefix: string, last: boolean, orphan: boolean) => {
    const note = orphan ? paint('gray', '  (its parent span did not arrive)') : '';
    lines.push(`${prefix}${last ? '└─ ' : '├─ '}${describe(span)}${note}`);
    const below = sortByStart(children.get(span.spanId) ?? []);
    below.forEach((child, index) => {
      draw(child, `${prefix}${last ? '   ' : '│  '}`, index === below.length - 1, false);
    });
  };
  roots.forEach((root, index) => {
    draw(root, '', index === roots.length - 1, root.parentSpanId !== undefined);
  });
  const first = roots[0];
  const failed = trace.spans.some(isFailed);
  const head = [
    first ? timeOfDay(first.startMs) : '',
    first ? (failed ? paint('red', first.name) : first.name) : '',
    first && statusOf(first) !== undefined ? String(statusOf(first)) : '',
    first ? formatMs(first.durationMs) : '',
    failed ? paint('red', failedMark) : '',
    paint('gray', `trace ${trace.traceId}`),
    paint('gray', `${trace.spans.length} span${trace.spans.length === 1 ? '' : 's'}`),
    trace.droppedSpans > 0 ? paint('yellow', `${trace.droppedSpans} more not kept`) : '',
  ]
    .filter((part) => part !== '')
    .join('  ');
  return [paint('bold', head), ...lines].join('\n');
}

/**
 * The traces in the order they started (the newest last, nearest the prompt), the last `count`.
 * @example orderTraces(answer.traces, 10);
 */
export function orderTraces(traces: readonly StoredTrace[], count: number): StoredTrace[] {
  const startOf = (trace: StoredTrace) => Math.min(...trace.spans.map((span) => span.startMs));
  const ordered = [...traces].sort((a, b) => startOf(a) - startOf(b));
  return count <= 0 ? [] : ordered.slice(-count);
}

function sortByStart(spans: readonly CollectedSpan[]): CollectedSpan[] {
  return [...spans].sort((a, b) => a.startMs - b.startMs || a.spanId.localeCompare(b.spanId));
}

function statusOf(span: CollectedSpan): unknown {
  return span.attributes['http.response.status_code'] ?? span.attributes['db.response.status_code'];
}

function isFailed(span: CollectedSpan): boolean {
  const status = span.attributes['http.response.status_code'];
  return span.failed || (typeof status === 'number' && status >= 500);
}

/** Milliseconds with one decimal: `12.4 ms`, `0.3 ms`. */
function formatMs(ms: number): string {
  return `${ms.toFixed(1)} ms`;
}

function timeOfDay(ms: number): string {
  const date = new Date(ms);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
