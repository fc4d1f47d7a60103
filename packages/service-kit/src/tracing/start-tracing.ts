import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import {
  defaultResource,
  detectResources,
  resourceAttributesEnvDetector,
  resourceFromAttributes,
} from '@opentelemetry/resources';
import { type SpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Options of {@link startTracing}. */
export interface StartTracingOptions {
  /** The `service.name` resource attribute of every span; it wins over one in `OTEL_RESOURCE_ATTRIBUTES`. */
  readonly serviceName: string;
  /** Where finished spans go: a batch processor over OTLP in services, a simple one over memory in tests. */
  readonly spanProcessor: SpanProcessor;
}

/**
 * Registers OpenTelemetry's tracing globally: a tracer provider for `serviceName` (with the
 * attributes of `OTEL_RESOURCE_ATTRIBUTES`), the
 * AsyncLocalStorage context manager (the active span follows a request through `await`s), and
 * the W3C `traceparent`/`tracestate` and `baggage` propagators. The kit's spans and log fields
 * use the API (`@opentelemetry/api`), which finds what is registered here. Replaces whatever was
 * registered before, so tests can start it again.
 * @example const provider = startTracing({ serviceName: 'orders', spanProcessor: new BatchSpanProcessor({ exporter }) });
 */
export function startTracing({ serviceName, spanProcessor }: StartTracingOptions): TracerProvider {
  // The SDK's own attributes, then `OTEL_RESOURCE_ATTRIBUTES` (`deployment.environment.name=…`).
  const resource = defaultResource()
    .merge(detectResources({ detectors: [resourceAttributesEnvDetector] }))
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }));
  const provider = new TracerProvider({
    resource,
    spanProcessors: [spanProcessor],
  });
  trace.disable();
  context.disable();
  propagation.disable();
  context.setGlobalContextManager(new AsyncLocalStorageContextManager());
  propagation.setGlobalPropagator(
    new CompositePropagator({
      propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()],
    }),
  );
  trace.setGlobalTracerProvider(provider);
  return provider;
}
