import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as the test reads it from an OTLP/JSON export. */
interface ReceivedSpan {
  /** The exporting process's `service.name` resource attribute. */
  readonly serviceName: string;
  readonly name: string;
  readonly traceId: string;
  readonly parentSpanId?: string;
}

interface OtlpTraces {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: Omit<ReceivedSpan, 'serviceName'>[] }[];
  }[];
}

/** An OTLP/HTTP collector stand-in on 127.0.0.1 that keeps what is posted to `/v1/traces`. */
export interface OtlpReceiver {
  /** The base address to give as `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly endpoint: string;
  readonly spans: ReceivedSpan[];
  close(): Promise<void>;
}

/**
 * Starts an {@link OtlpReceiver}, the collector a service started as its image starts it sends to.
 * @example const receiver = await startOtlpReceiver(); // OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        for (const { resource, scopeSpans = [] } of (JSON.parse(body) as OtlpTraces)
          .resourceSpans ?? []) {
          const name = resource?.attributes?.find((a) => a.key === 'service.name');
          const serviceName = name?.value.stringValue ?? '';
          for (const scope of scopeSpans) {
            for (const span of scope.spans ?? []) spans.push({ ...span, serviceName });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
