import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { CheckResult, ProbeReport } from '@slipway/health';
import { loadSheddingDefaults, loadSheddingVariables } from '@slipway/platform-contract';
import { sampleEventLoopDelay } from './load-shedding-delay.ts';
import { type ShedReason, shedLog } from './load-shedding-log.ts';
import { recordShedRequest } from './metrics.ts';
import type { Problem } from './problem.ts';
import { problemContentType } from './problem.ts';
import { defaultSecurityHeaders } from './security-headers.ts';

/** Options of {@link loadShedding}; `startService` takes them as `loadShedding`. */
export interface LoadSheddingOptions {
  /**
   * Event-loop delay (ms, the p99 of the last second) above which new requests are shed; 0 turns
   * the check off. Defaults to `loadSheddingDefaults.maxEventLoopDelayMs` (100).
   */
  readonly maxEventLoopDelayMs?: number;
  /** Requests in flight at which new ones are shed; 0 turns the bound off. Defaults to 256. */
  readonly maxInFlight?: number;
  /** The `Retry-After` (seconds) of a shed answer. Defaults to 1. */
  readonly retryAfterSeconds?: number;
  /** Reads the event-loop delay (ms); defaults to a sampled `monitorEventLoopDelay`. */
  readonly readEventLoopDelay?: () => number;
}

/** What {@link loadShedding} needs from the service besides its options. */
interface LoadSheddingContext {
  readonly registry: Registry;
  readonly logger: Logger;
}

/** The load shedding of one server. */
export interface LoadShedding {
  /** Wraps the app's listener: counts requests in flight and sheds new ones while saturated. */
  guard(next: RequestListener): RequestListener;
  /** A readiness report that fails while saturated, with a `load-shedding` check saying why. */
  withPressure(report: ProbeReport): ProbeReport;
  /**
   * Requests admitted and not done: their handler has not settled or their response not closed.
   * A request whose caller hung up counts until its handler stops: the work goes on.
   */
  readonly inFlight: number;
  /** Stops sampling the event loop and writes the last shedding summary. */
  stop(): void;
}

const shedMetricName = 'http_requests_shed_total';
const inFlightMetricName = 'http_requests_in_flight';
const reasons: readonly ShedReason[] = ['in_flight', 'event_loop_delay'];

/**
 * Protects a saturated process: while the requests in flight are at `maxInFlight`, or the
 * event loop's delay is over `maxEventLoopDelayMs`, a new request gets a fast 503 problem with
 * `Retry-After` instead of a place in the queue; admitted requests finish normally. Wrap the
 * listener after the probe fast path, so probes are never shed. Counts shed requests in
 * `http_requests_shed_total{reason}` (and as `route="shed"` in `http_requests_total`, since the
 * caller saw a 503) and exports `http_requests_in_flight`, read at scrape time.
 *
 * @example
 * const shedding = loadShedding({ maxInFlight: 256 }, { registry, logger });
 * const server = createServer(withProbeFastPath(health, shedding.guard(listener), shedding));
 */
export function loadShedding(
  {
    maxEventLoopDelayMs = loadSheddingDefaults.maxEventLoopDelayMs,
    maxInFlight = loadSheddingDefaults.maxInFlight,
    retryAfterSeconds = loadSheddingDefaults.retryAfterSeconds,
    readEventLoopDelay,
  }: LoadSheddingOptions,
  { registry, logger }: LoadSheddingContext,
): LoadShedding {
  assertWhole('maxEventLoopDelayMs', maxEventLoopDelayMs, '0 turns the check off');
  assertWhole('maxInFlight', maxInFlight, '0 turns the bound off');
  assertWhole('retryAfterSeconds', retryAfterSeconds, 'seconds');
  // No sampler at all when the check is off: it would wake the loop every 10 ms for nothing.
  const sampler =
    maxEventLoopDelayMs > 0 && !readEventLoopDelay ? sampleEventLoopDelay() : undefined;
  const eventLoopDelay = readEventLoopDelay ?? sampler?.read ?? (() => 0);
  let inFlight = 0;
  const release = () => {
    inFlight -= 1;
  };

  function saturation(): ShedReason | undefined {
    if (maxInFlight > 0 && inFlight >= maxInFlight) return 'in_flight';
    // The delay means saturation only while requests are waiting: an idle process that was
    // descheduled or paused for garbage collection has nobody to shed (and a probe, nothing to report).
    if (inFlight > 0 && maxEventLoopDelayMs > 0 && eventLoopDelay() > maxEventLoopDelayMs)
      return 'event_loop_delay';
    return undefined;
  }

  // Names the variable that sets the bound, so the reader of a failed readiness knows the knob.
  function explain(reason: ShedReason): string {
    return reason === 'in_flight'
      ? `${inFlight} requests in flight, at the bound of ${maxInFlight} (${loadSheddingVariables.maxInFlight})`
      : `event-loop delay ${eventLoopDelay()} ms, over the bound of ${maxEventLoopDelayMs} ms (${loadSheddingVariables.maxEventLoopDelayMs})`;
  }

  const pressure = () => ({ inFlight, eventLoopDelayMs: eventLoopDelay() });
  const log = shedLog(logger, () => ({ ...pressure(), maxInFlight, maxEventLoopDelayMs }));
  const metrics = shedMetrics(registry, () => inFlight);
  const headers = {
    ...defaultSecurityHeaders,
    'content-type': problemContentType,
    'cache-control': 'no-store',
    'retry-after': String(retryAfterSeconds),
  };

  function shed(request: IncomingMessage, response: ServerResponse, reason: ShedReason): void {
    const path = pathOf(request.url);
    const body = JSON.stringify({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: `The service is overloaded; retry after ${retryAfterSeconds} s.`,
      instance: path,
    } satisfies Problem);
    response.writeHead(503, { ...headers, 'content-length': Buffer.byteLength(body) });
    response.end(request.method === 'HEAD' ? undefined : body);
    metrics.count(request.method ?? 'GET', reason);
    log.note({ method: request.method, path, status: 503 }, reason);
  }

  return {
    guard(next) {
      return function shedWhenSaturated(request, response) {
        const reason = saturation();
        if (reason !== undefined) {
          shed(request, response, reason);
          return;
        }
        inFlight += 1;
        // Done once both have happened: the response closed ('close' follows its end, or an
        // aborted connection, once) and the handler settled (@hono/node-server's listener
        // returns a promise that does, after writing). A caller that hangs up does not end the
        // work it started, so its place stays taken until the handler lets go.
        let pending = 2;
        const settle = () => {
          pending -= 1;
          if (pending === 0) release();
        };
        response.on('close', settle);
        const handled: unknown = next(request, response);
        if (handled instanceof Promise) handled.then(settle, settle);
        else settle();
      };
    },
    withPressure(report) {
      const reason = report.probe === 'readiness' ? saturation() : undefined;
      if (reason === undefined) return report;
      const check: CheckResult = {
        name: 'load-shedding',
        status: 'fail',
        durationMs: 0,
        error: explain(reason),
      };
      return {
        ...report,
        status: 'fail',
        reason: report.reason ?? 'check-failed',
        checks: [...report.checks, check],
      };
    },
    get inFlight() {
      return inFlight;
    },
    stop() {
      sampler?.stop();
      log.stop();
    },
  };
}

function shedMetrics(registry: Registry, inFlight: () => number) {
  // A service started again on the same registry (tests, tools) replaces its old series.
  for (const name of [shedMetricName, inFlightMetricName]) registry.removeSingleMetric(name);
  const shedTotal = new Counter({
    name: shedMetricName,
    help: 'HTTP requests answered 503 without being handled, because the process was saturated, by reason.',
    labelNames: ['reason'],
    registers: [registry],
  });
  // Both series exist from the start, so rates and alerts see 0 rather than nothing.
  for (const reason of reasons) shedTotal.inc({ reason }, 0);
  new Gauge({
    name: inFlightMetricName,
    help: 'HTTP requests being handled (admitted, response not ended).',
    registers: [registry],
    collect() {
      this.set(inFlight());
    },
  });
  return {
    count(method: string, reason: ShedReason) {
      shedTotal.inc({ reason });
      recordShedRequest(registry, method);
    },
  };
}

function pathOf(url = '/'): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

function assertWhole(name: keyof LoadSheddingOptions, value: number, hint: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `loadShedding.${name} must be a whole number, 0 or more (${hint}), got ${value}`,
    );
  }
}
