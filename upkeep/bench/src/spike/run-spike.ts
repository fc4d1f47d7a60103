import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestDatabase, testDatabaseUrlVariable, testEngines } from '@slipway/database/testing';
import { loopbackHost, serviceUrlVariable } from '@slipway/platform-contract';
import type { Progress } from '../figure.ts';
import { sampleOrder } from '../lib/sample-order.ts';
import { type DelayProxy, startDelayProxy } from './delay-proxy.ts';
import { runOpenLoopLoad } from './open-loop-load.ts';
import { callPolicyEnv, type Protections, sheddingEnv } from './protection-env.ts';
import { type ServiceProcess, startServiceProcess } from './service-process.ts';
import { spikePlan } from './spike-plan.ts';
import type { ProcessExit, SpikeRecord } from './spike-record.ts';
import { watchGauge, watchLivez } from './watchers.ts';

/** The gauge of requests a service has in flight, from its metrics endpoint. */
const inFlightGauge = 'http_requests_in_flight';

/** One run of the spike: its record, and the services' last log lines for a failure message. */
export interface SpikeRun {
  readonly protections: Protections;
  readonly record: SpikeRecord;
  readonly logTails: string;
}

/**
 * Why the spike cannot run here, or undefined when it can.
 * @example describe.skipIf(spikeSkipReason() !== undefined)('the spike', …)
 */
export function spikeSkipReason(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[testDatabaseUrlVariable]
    ? undefined
    : `${testDatabaseUrlVariable} is not set: the spike needs a PostgreSQL server, whose latency a proxy fixes so that orders' capacity does not depend on the machine (CI sets one; locally: source .ci/postgres.sh && start_postgres)`;
}

async function freshDatabase(): Promise<TestDatabase> {
  const reason = spikeSkipReason();
  if (reason !== undefined) throw new Error(reason);
  const server = testEngines('spike').find((engine) => engine.name === 'PostgreSQL');
  if (server === undefined) throw new Error('no PostgreSQL engine among the test engines');
  return server.create();
}

/** The database's URL with its host and port replaced by the proxy's. */
function throughProxy(url: string, proxy: DelayProxy): string {
  const proxied = new URL(url);
  proxied.hostname = loopbackHost;
  proxied.port = String(proxy.port);
  return proxied.toString();
}

/**
 * Runs gateway → orders → PostgreSQL (behind a proxy adding {@link spikePlan}'s latency) as
 * real processes with every protection on or off, loads gateway with the spike (base rate,
 * 40 ×, base rate again) while polling each `/livez` and scraping orders' requests in flight,
 * then stops everything and returns what it saw.
 * @example const { record } = await runSpike('on', console.log);
 */
export async function runSpike(protections: Protections, progress: Progress): Promise<SpikeRun> {
  const plan = spikePlan;
  const cleanups: (() => Promise<void> | void)[] = [];
  const services: ServiceProcess[] = [];
  try {
    const database = await freshDatabase();
    cleanups.push(() => database.dispose());
    const url = database.connection.url;
    if (url === undefined) throw new Error('the PostgreSQL test engine gave no URL');
    const { hostname, port } = new URL(url);
    const proxy = await startDelayProxy({
      target: { host: hostname, port: Number(port) },
      delayMs: plan.databaseLatencyMs,
    });
    cleanups.push(() => proxy.close());
    const logDir = mkdtempSync(join(tmpdir(), `spike-${protections}-`));
    cleanups.push(() => rmSync(logDir, { recursive: true, force: true }));

    progress(`protections ${protections}: starting orders and gateway`);
    const orders = await startServiceProcess({
      name: 'orders',
      env: {
        DATABASE_URL: throughProxy(url, proxy),
        ...sheddingEnv(protections, plan.ordersMaxInFlight),
      },
      logDir,
    });
    services.push(orders);
    const gateway = await startServiceProcess({
      name: 'gateway',
      env: {
        [serviceUrlVariable('orders')]: orders.url,
        ...callPolicyEnv('orders', protections),
        ...sheddingEnv(protections),
      },
      logDir,
    });
    services.push(gateway);
    const orderPath = await createOrder(gateway.url);

    const origin = performance.now();
    const exits: ProcessExit[] = [];
    for (const service of services)
      service.onExit((code, signal) =>
        exits.push({ service: service.name, atMs: performance.now() - origin, code, signal }),
      );
    const livez = watchLivez({
      services,
      everyMs: plan.livezEveryMs,
      timeoutMs: plan.livezTimeoutMs,
      origin,
    });
    const inFlight = watchGauge({
      url: orders.metricsUrl,
      gauge: inFlightGauge,
      everyMs: plan.scrapeEveryMs,
      origin,
    });
    // Stopped below with the record; here too, so a failed load leaves no interval behind.
    cleanups.push(async () => {
      await Promise.all([livez.stop(), inFlight.stop()]);
    });
    const spikeRate = plan.baseRatePerSecond * plan.spikeFactor;
    progress(
      `protections ${protections}: ${plan.baseRatePerSecond} req/s for ${plan.baseMs / 1000} s, ${spikeRate} req/s for ${plan.spikeMs / 1000} s, ${plan.baseRatePerSecond} req/s for ${plan.afterMs / 1000} s`,
    );
    const body = JSON.stringify(sampleOrder);
    const load = await runOpenLoopLoad({
      url: gateway.url,
      steps: [
        { name: 'base', ratePerSecond: plan.baseRatePerSecond, durationMs: plan.baseMs },
        { name: 'spike', ratePerSecond: spikeRate, durationMs: plan.spikeMs },
        { name: 'after', ratePerSecond: plan.baseRatePerSecond, durationMs: plan.afterMs },
      ],
      // Writes and reads in turn: a read is idempotent, so the client may retry it.
      requests: [
        { method: 'POST', path: '/api/orders', body },
        { method: 'GET', path: orderPath },
      ],
      clientTimeoutMs: plan.clientTimeoutMs,
      origin,
    });
    const record: SpikeRecord = {
      phases: load.phases,
      requests: load.samples,
      livez: await livez.stop(),
      calleeInFlight: await inFlight.stop(),
      // A copy: stopping the services below ends them, and that is no death during the run.
      exits: [...exits],
    };
    const logTails = services
      .map((service) => `--- ${service.name} (last lines)\n${service.logTail(15)}`)
      .join('\n');
    return { protections, record, logTails };
  } finally {
    for (const service of services) await service.stop();
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** Places one order before the load, so the load's reads find it; returns its public path. */
async function createOrder(gatewayUrl: string): Promise<string> {
  const response = await fetch(`${gatewayUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(sampleOrder),
  });
  const location = response.headers.get('location');
  if (response.status !== 201 || location === null)
    throw new Error(
      `placing the first order answered ${response.status}: ${await response.text()}`,
    );
  return location;
}
