import { afterEach, describe, expect, it } from 'vitest';
import { loadSheddingVariables } from '@slipway/platform-contract';
import {
  createServiceApp,
  type LoadSheddingOptions,
  type RunningService,
  type Service,
  startService,
} from '../src/index.ts';
import { eventually, type HeldRequests, heldRequests } from './helpers/held-requests.ts';
import type { LogLine } from './helpers/test-service.ts';

interface Shedding {
  readonly service: Service;
  readonly running: RunningService;
  readonly held: HeldRequests;
  readonly logs: LogLine[];
  get(path: string, init?: RequestInit): Promise<Response>;
  metric(line: string): Promise<number | undefined>;
}

const started: RunningService[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((running) => running.close()));
});

async function startShedding(loadShedding: LoadSheddingOptions): Promise<Shedding> {
  const logs: LogLine[] = [];
  const service = createServiceApp({
    name: 'shed-test',
    logLevel: 'debug',
    defaultMetrics: false,
    logDestination: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  const held = heldRequests();
  service.app.get('/hold', async (c) => {
    await held.hold();
    return c.json({ held: true });
  });
  service.app.get('/ping', (c) => c.json({ pong: true }));
  service.app.get('/boom', () => {
    throw new Error('boom');
  });
  service.app.get('/block', (c) => {
    const until = performance.now() + Number(c.req.query('ms'));
    while (performance.now() < until) {
      // Busy: the event loop is blocked, as under a CPU-bound burst.
    }
    return c.json({ blocked: true });
  });
  const running = await startService(service, {
    host: '127.0.0.1',
    port: 0,
    handleSignals: false,
    drainDelayMs: 0,
    loadShedding,
  });
  started.push(running);
  return {
    service,
    running,
    held,
    logs,
    get: (path, init) => fetch(`${running.url}${path}`, init),
    async metric(line) {
      const text = await service.metrics.metrics();
      const found = text.split('\n').find((l) => l.startsWith(`${line} `));
      return found === undefined ? undefined : Number(found.slice(line.length + 1));
    },
  };
}

const shedInFlight = 'http_requests_shed_total{reason="in_flight"}';
const shedDelay = 'http_requests_shed_total{reason="event_loop_delay"}';

describe('load shedding on a running service', () => {
  it('should answer a new request with a fast 503 problem and Retry-After once maxInFlight are in flight, and finish the admitted ones', async () => {
    const s = await startShedding({ maxInFlight: 2, maxEventLoopDelayMs: 0 });
    const admitted = [s.get('/hold'), s.get('/hold')];
    await s.held.arrived(2);

    const shed = await s.get('/ping?token=secret');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('content-type')).toBe('application/problem+json');
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await shed.json()).toEqual({
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The service is overloaded; retry after 1 s.',
      instance: '/ping',
    });

    s.held.release();
    for (const response of await Promise.all(admitted)) expect(response.status).toBe(200);
    // The place frees when the server closes the response, a moment after the client has it.
    await eventually(
      () => s.get('/ping'),
      (response) => response.status === 200,
    );
  });

  it('should keep /livez and /startupz at 200 while shedding, and fail /readyz until the pressure is gone', async () => {
    const s = await startShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    const admitted = s.get('/hold');
    await s.held.arrived(1);
    expect((await s.get('/ping')).status).toBe(503);

    expect((await s.get('/livez')).status).toBe(200);
    expect((await s.get('/startupz')).status).toBe(200);
    const ready = await s.get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({
      probe: 'readiness',
      status: 'fail',
      reason: 'check-failed',
      checks: [
        {
          name: 'load-shedding',
          status: 'fail',
          durationMs: 0,
          error: `1 requests in flight, at the bound of 1 (${loadSheddingVariables.maxInFlight})`,
        },
      ],
    });

    s.held.release();
    expect((await admitted).status).toBe(200);
    const after = await eventually(
      () => s.get('/readyz'),
      (response) => response.status === 200,
    );
    expect(await after.json()).toEqual({ probe: 'readiness', status: 'pass', checks: [] });
  });

  it('should count shed requests by reason, in the answered requests too, and export the requests in flight', async () => {
    const s = await startShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    expect(await s.metric(shedInFlight)).toBe(0);
    expect(await s.metric(shedDelay)).toBe(0);
    const admitted = s.get('/hold');
    await s.held.arrived(1);
    await s.get('/ping');
    await s.get('/ping', { method: 'HEAD' });

    expect(await s.metric(shedInFlight)).toBe(2);
    expect(await s.metric(shedDelay)).toBe(0);
    expect(await s.metric('http_requests_in_flight')).toBe(1);
    expect(await s.metric('http_requests_total{method="GET",route="shed",status="503"}')).toBe(1);
    // Not timed: a shed 503's 0 s would make the latency objective look better under overload.
    expect(
      await s.metric('http_request_duration_seconds_count{method="GET",route="shed",status="503"}'),
    ).toBeUndefined();
    s.held.release();
    await admitted;
    expect(
      await eventually(
        () => s.metric('http_requests_in_flight'),
        (n) => n === 0,
      ),
    ).toBe(0);
  });

  it('should log each shed request at debug and sum them up at warn, not one warn line each', async () => {
    const s = await startShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    const admitted = s.get('/hold');
    await s.held.arrived(1);
    for (let i = 0; i < 3; i += 1) expect((await s.get('/ping')).status).toBe(503);
    s.held.release();
    await admitted;
    await s.running.close();

    const debug = s.logs.filter((line) => line.msg === 'request shed');
    expect(debug).toHaveLength(3);
    expect(debug[0]).toMatchObject({ level: 'debug', method: 'GET', path: '/ping', status: 503 });
    const warn = s.logs.filter((line) => line.level === 'warn');
    expect(warn.length).toBeLessThan(3);
    const counted = warn.reduce(
      (sum, line) => sum + (line.shed as { in_flight: number }).in_flight,
      0,
    );
    expect(counted).toBe(3);
    expect(warn[0]).toMatchObject({ maxInFlight: 1, msg: 'shedding load: 1 request answered 503' });
  });

  it('should shed while the event-loop delay reads over maxEventLoopDelayMs, and admit again once it is under', async () => {
    let delayMs = 500;
    const s = await startShedding({ maxEventLoopDelayMs: 100, readEventLoopDelay: () => delayMs });
    // Idle, a slow loop is not saturation: the process was descheduled, nobody waits on it.
    expect((await s.get('/ping')).status).toBe(200);
    expect((await s.get('/readyz')).status).toBe(200);
    const admitted = s.get('/hold');
    await s.held.arrived(1);
    const shed = await s.get('/ping');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await s.metric(shedDelay)).toBe(1);
    expect((await s.get('/livez')).status).toBe(200);
    const ready = (await (await s.get('/readyz')).json()) as { checks: { error: string }[] };
    expect(ready.checks[0]?.error).toBe(
      `event-loop delay 500 ms, over the bound of 100 ms (${loadSheddingVariables.maxEventLoopDelayMs})`,
    );

    delayMs = 100;
    expect((await s.get('/ping')).status).toBe(200);
    expect((await s.get('/readyz')).status).toBe(200);
    s.held.release();
    expect((await admitted).status).toBe(200);
  });

  it('should measure the event loop itself: a request after the loop was blocked is shed', async () => {
    const s = await startShedding({ maxEventLoopDelayMs: 50, maxInFlight: 0 });
    // Blocked again and again, as by a burst of CPU-bound requests: whichever one-second window
    // holds most of the five stalls reads them in its p99 (a lone stall would not count).
    for (let i = 0; i < 5; i += 1) expect((await s.get('/block?ms=150')).status).toBe(200);
    const admitted = s.get('/hold');
    await s.held.arrived(1);
    const shed = await eventually(
      () => s.get('/ping'),
      (response) => response.status === 503,
    );
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(await s.metric(shedDelay)).toBeGreaterThanOrEqual(1);
    s.held.release();
    await admitted;
  });

  it('should never shed with both bounds at 0', async () => {
    const s = await startShedding({
      maxInFlight: 0,
      maxEventLoopDelayMs: 0,
      readEventLoopDelay: () => 60_000,
    });
    const admitted = Array.from({ length: 5 }, () => s.get('/hold'));
    await s.held.arrived(5);
    expect((await s.get('/ping')).status).toBe(200);
    expect((await s.get('/readyz')).status).toBe(200);
    s.held.release();
    for (const response of await Promise.all(admitted)) expect(response.status).toBe(200);
    expect(await s.metric(shedInFlight)).toBe(0);
  });

  it('should take a request out of the count when its handler throws', async () => {
    const s = await startShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    expect((await s.get('/boom')).status).toBe(500);
    expect((await s.get('/ping')).status).toBe(200);
  });

  it('should count a request whose caller hung up until its handler finishes: the work goes on', async () => {
    const s = await startShedding({ maxInFlight: 1, maxEventLoopDelayMs: 0 });
    const caller = new AbortController();
    const abandoned = s.get('/hold', { signal: caller.signal }).catch((error: unknown) => error);
    await s.held.arrived(1);
    caller.abort();
    await abandoned;

    // The handler still waits: its place is taken, so a new request is shed.
    expect((await s.get('/ping')).status).toBe(503);
    expect(await s.metric('http_requests_in_flight')).toBe(1);
    s.held.release();
    expect(
      await eventually(
        () => s.metric('http_requests_in_flight'),
        (n) => n === 0,
      ),
    ).toBe(0);
    expect((await s.get('/ping')).status).toBe(200);
  });
});
