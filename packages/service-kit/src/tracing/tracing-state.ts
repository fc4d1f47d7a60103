import { trace } from '@opentelemetry/api';

/** The part of the SDK's tracer provider the kit needs: sending what is buffered. */
interface FlushableProvider {
  forceFlush(): Promise<void>;
}

// The provider is found through the API's global, not a module variable: in a container the
// `--import` entry and the service are two bundles, each with its own copy of this module.
function registeredProvider(): FlushableProvider | undefined {
  const provider = trace.getTracerProvider() as { getDelegate?: () => unknown };
  const delegate = provider.getDelegate?.() ?? provider;
  return typeof (delegate as Partial<FlushableProvider>).forceFlush === 'function'
    ? (delegate as FlushableProvider)
    : undefined;
}

/**
 * Whether an OpenTelemetry SDK is registered (by `@slipway/service-kit/tracing` or a test's
 * `collectSpans()`); without one the kit adds no tracing middleware.
 * @example if (isTracingOn()) app.use(traceRequests());
 */
export function isTracingOn(): boolean {
  return registeredProvider() !== undefined;
}

/** The longest a shutdown waits for the collector to take the last spans. */
const flushTimeoutMs = 2_000;

/**
 * Sends every finished span still buffered and resolves with `'flushed'`, or with `'off'` at
 * once when tracing is off, or `'timeout'` after `timeoutMs` when the collector is slow. The
 * graceful shutdown calls it last, so the spans of the requests it drained are not lost.
 * @throws Error from the exporter when the collector refused the spans or is unreachable.
 * @example const outcome = await flushTraces();
 */
export async function flushTraces(
  timeoutMs: number = flushTimeoutMs,
): Promise<'flushed' | 'off' | 'timeout'> {
  const provider = registeredProvider();
  if (provider === undefined) return 'off';
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    return await Promise.race([provider.forceFlush().then(() => 'flushed' as const), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
