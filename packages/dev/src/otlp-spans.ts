/** A span as the local trace view shows it: whose, what, when, how long, and whether it failed. */
export interface CollectedSpan {
  /** 32 hex digits, as OTLP/JSON writes it. */
  readonly traceId: string;
  /** 16 hex digits. */
  readonly spanId: string;
  /** The parent's span id; undefined for a trace's root. */
  readonly parentSpanId?: string;
  /** The resource's `service.name`. */
  readonly service: string;
  /** `POST /orders`, `POST orders`, `INSERT orders`. */
  readonly name: string;
  /** Start, in milliseconds since the epoch (fractional). */
  readonly startMs: number;
  readonly durationMs: number;
  /** The span's status is ERROR (OTLP status code 2). */
  readonly failed: boolean;
  /** Its attributes, values made plain (numbers, strings, booleans, lists). */
  readonly attributes: Readonly<Record<string, unknown>>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpAttribute {
  key?: string;
  value?: OtlpValue;
}
interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  startTimeUnixNano?: string | number;
  endTimeUnixNano?: string | number;
  status?: { code?: number | string };
  attributes?: OtlpAttribute[];
}
/** The body of an OTLP/HTTP JSON `POST /v1/traces` (ExportTraceServiceRequest). */
interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: { spans?: OtlpSpan[] }[];
  }[];
}

const hexId = /^[0-9a-f]+$/i;

function plain(value: OtlpValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  return value.stringValue;
}

function attributesOf(list: readonly OtlpAttribute[] = []): Record<string, unknown> {
  return Object.fromEntries(
    list
      .filter((entry) => typeof entry.key === 'string')
      .map((entry) => [entry.key, plain(entry.value)]),
  );
}

/** Nanoseconds (a decimal string in OTLP/JSON, as they exceed 2^53) to milliseconds. */
function nanosToMs(value: string | number | undefined): number {
  if (value === undefined || value === '') return Number.NaN;
  if (typeof value === 'number') return value / 1e6;
  if (!/^\d+$/.test(value)) return Number.NaN;
  const nanos = BigInt(value);
  return Number(nanos / 1_000_000n) + Number(nanos % 1_000_000n) / 1e6;
}

/**
 * Reads the spans of one OTLP/HTTP JSON export (what the service kit's exporter posts to
 * `/v1/traces`). Ids are hex, as OTLP/JSON writes them; a span without a trace id, a span id or
 * valid times is skipped rather than refusing the batch, so one odd span costs only itself.
 * @throws Error when the body is not JSON.
 * @example const spans = spansOfOtlpJson(body); // [{ service: 'orders', name: 'POST /orders', … }]
 */
export function spansOfOtlpJson(body: string): CollectedSpan[] {
  const request = JSON.parse(body) as OtlpTraces;
  const spans: CollectedSpan[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesOf(resourceSpans.resource?.attributes);
    const service = typeof resource['service.name'] === 'string' ? resource['service.name'] : '?';
    for (const scope of resourceSpans.scopeSpans ?? []) {
      for (const span of scope.spans ?? []) {
        const { traceId, spanId } = span;
        const startMs = nanosToMs(span.startTimeUnixNano);
        const endMs = nanosToMs(span.endTimeUnixNano);
        if (!traceId || !spanId || !hexId.test(traceId) || !hexId.test(spanId)) continue;
        if (!Number.isFinite(startMs) || !Number.isFinite(endMs)) continue;
        const parent = span.parentSpanId;
        spans.push({
          traceId: traceId.toLowerCase(),
          spanId: spanId.toLowerCase(),
          ...(parent && hexId.test(parent) ? { parentSpanId: parent.toLowerCase() } : {}),
          service,
          name: span.name ?? '',
          startMs,
          durationMs: Math.max(0, endMs - startMs),
          failed: span.status?.code === 2 || span.status?.code === 'STATUS_CODE_ERROR',
          attributes: attributesOf(span.attributes),
        });
      }
    }
  }
  return spans;
}
