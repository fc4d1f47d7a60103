import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { loopbackHost } from '@slipway/platform-contract';
import { spansOfOtlpJson } from './otlp-spans.ts';
import { createTraceStore, type StoredTrace, type TraceStore } from './trace-store.ts';

/** Where the collector lists what it keeps, for `slipway-traces`. */
export const tracesPath = '/slipway/traces';
/** OTLP/HTTP's path for traces. */
const otlpTracesPath = '/v1/traces';
/** The `collector` field of {@link tracesPath}'s answer: how a slipway-dev knows a collector is one of its own. */
export const collectorName = 'slipway-dev trace collector';
/** A batch larger than this is refused (413): the kit's batches are a few KB. */
const maxBodyBytes = 8 * 1024 * 1024;

/** What `GET /slipway/traces` answers. */
export interface TracesAnswer {
  readonly collector: typeof collectorName;
  /** The collector's clock, to tell how long ago each trace last changed. */
  readonly now: number;
  readonly traces: readonly StoredTrace[];
}

/** A collector listening on 127.0.0.1. */
export interface RunningTraceCollector {
  readonly port: number;
  readonly store: TraceStore;
  close(): Promise<void>;
}

/** Options of {@link startTraceCollector}. */
export interface StartTraceCollectorOptions {
  /** The port on 127.0.0.1; 0 for any free one (tests). */
  readonly port: number;
  /** Where spans go; a store of the last 100 traces by default. */
  readonly store?: TraceStore;
}

/**
 * Starts the local trace collector on 127.0.0.1 (never another address): it takes OTLP/HTTP JSON
 * exports at `POST /v1/traces`, what the service kit's exporter sends, keeps the last traces in
 * `store`, and lists them at `GET /slipway/traces`. It needs nothing outside the process.
 * @throws the listen error, `EADDRINUSE` when something holds the port.
 * @example const collector = await startTraceCollector({ port: 4318 });
 */
export async function startTraceCollector({
  port,
  store = createTraceStore(),
}: StartTraceCollectorOptions): Promise<RunningTraceCollector> {
  const server = createServer((request, response) => {
    void handle(request, response, store).catch(() => {
      if (!response.headersSent) send(response, 500, { message: 'the collector failed' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: loopbackHost, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // An idle keep-alive connection of an exporter must not hold the process at exit.
  server.unref();
  return {
    port: (server.address() as AddressInfo).port,
    store,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  store: TraceStore,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && path === tracesPath) {
    const answer: TracesAnswer = {
      collector: collectorName,
      now: Date.now(),
      traces: store.traces(),
    };
    return send(response, 200, answer);
  }
  if (request.method !== 'POST' || path !== otlpTracesPath) {
    return send(response, 404, {
      message: `POST ${otlpTracesPath} (OTLP/HTTP JSON) or GET ${tracesPath}`,
    });
  }
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) {
    request.resume();
    return send(response, 415, {
      message: `this local collector reads OTLP/HTTP JSON only, not ${type || 'no content type'}: set OTEL_EXPORTER_OTLP_PROTOCOL=http/json`,
    });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return send(response, 413, { message: 'batch too large' });
    chunks.push(chunk);
  }
  let body = Buffer.concat(chunks);
  try {
    if (request.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
    store.add(spansOfOtlpJson(body.toString('utf8')));
  } catch (error) {
    return send(response, 400, { message: error instanceof Error ? error.message : String(error) });
  }
  send(response, 200, { partialSuccess: {} });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
