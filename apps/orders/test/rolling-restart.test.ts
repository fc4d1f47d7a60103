import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { type KeepAliveLoad, startKeepAliveLoad } from './helpers/keep-alive-load.ts';
import { killOrdersProcesses, startOrdersProcess } from './helpers/orders-process.ts';
import { type RoundRobinProxy, startRoundRobinProxy } from './helpers/round-robin-proxy.ts';

// Kubernetes removes a terminating pod's endpoint asynchronously, some time after SIGTERM;
// the drain delay exists to cover that. The proxy removes the instance well inside it.
const drainMs = 3_000;
const endpointRemovalMs = 500;
const order = { customerId: 'cus_load', currency: 'EUR', items: [{ sku: 'SKU-1', quantity: 1 }] };

describe('rolling restart of orders under keep-alive load', () => {
  let proxy: RoundRobinProxy | undefined;
  let load: KeepAliveLoad | undefined;

  afterAll(async () => {
    await load?.stop();
    await proxy?.close();
    await killOrdersProcesses();
  });

  it('loses no request and resets no connection when one instance is terminated', async () => {
    const env = { SHUTDOWN_DRAIN_MS: String(drainMs), LOG_LEVEL: 'info' };
    const [old, stays] = await Promise.all([startOrdersProcess(env), startOrdersProcess(env)]);
    proxy = await startRoundRobinProxy();
    proxy.add('old', old.port);
    proxy.add('stays', stays.port);

    load = startKeepAliveLoad({
      port: proxy.port,
      workers: 4,
      maxRequests: 50_000,
      path: '/orders',
      body: order,
    });
    await load.waitFor(100);
    const beforeTerm = proxy.stats('old').responses;

    old.child.kill('SIGTERM');
    // On a busy machine the signal can take a while to be handled: count from there.
    await old.draining;
    await sleep(endpointRemovalMs);
    proxy.remove('old');
    const servedWhileDraining = proxy.stats('old').responses - beforeTerm;
    const exitCode = await old.exited;
    await load.waitFor(200);
    const result = await load.stop();

    expect(result.failedResponses).toEqual([]);
    expect(result.socketErrors).toEqual([]);
    expect(proxy.upstreamErrors).toEqual([]);
    expect(exitCode).toBe(0);
    // The scenario did exercise the drain: the old instance kept answering after SIGTERM,
    // asking clients to reconnect elsewhere.
    expect(servedWhileDraining).toBeGreaterThan(0);
    expect(proxy.stats('old').connectionClose).toBeGreaterThan(0);
    expect(result.completed).toBeGreaterThan(300);
  }, 180_000);
});
