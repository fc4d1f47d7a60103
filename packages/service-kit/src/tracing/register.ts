/**
 * The `--import` entry point: `node --import @slipway/service-kit/tracing src/index.ts`.
 * Starts OpenTelemetry before any module of the service is loaded when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set, and does nothing (loads no SDK) when it is not.
 * Finished spans are batched and posted over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`; the
 * exporter reads the other standard `OTEL_EXPORTER_OTLP_*` variables (headers, timeout) itself.
 */
import { readTracingSettings } from './tracing-settings.ts';

const settings = readTracingSettings();
if (settings) {
  const [{ startTracing }, { BatchSpanProcessor }, { OTLPTraceExporter }] = await Promise.all([
    import('./start-tracing.ts'),
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/exporter-trace-otlp-http'),
  ]);
  startTracing({
    serviceName: settings.serviceName,
    spanProcessor: new BatchSpanProcessor({
      exporter: new OTLPTraceExporter(),
      scheduledDelayMillis: settings.scheduledDelayMs,
    }),
  });
}
