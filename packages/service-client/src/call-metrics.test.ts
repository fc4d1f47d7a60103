import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { resolveCallPolicy } from '@slipway/platform-contract';
import type { Fetch } from './fetch.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';

const failing: Fetch = async () => {
  throw new TypeError('fetch failed: ECONNRESET');
};
const clock = { now: () => 0, random: () => 0, sleep: async () => undefined };

describe('call metrics', () => {
  it("should count retries, fast failures by reason and the breaker's state in the service's registry", async () => {
    const registry = new Registry();
    const policy = resolveCallPolicy({ breaker: { minimumCalls: 2, failurePercent: 50 } });
    const fetch = createUpstreamFetch({
      service: 'orders',
      policy,
      fetch: failing,
      metrics: registry,
      clock,
    });

    // The first call fails, is retried, fails again (the breaker opens) and its second retry
    // fails fast on the breaker, sent to nobody, so not counted as sent; the next two fail fast.
    for (let i = 0; i < 3; i += 1) await fetch('http://orders/').catch(() => undefined);
    const text = await registry.metrics();

    expect(text).toContain('service_client_retries_total{service="orders"} 1');
    expect(text).toContain(
      'service_client_fast_failures_total{service="orders",reason="circuit_open"} 3',
    );
    expect(text).toContain('service_client_breaker_state{service="orders"} 2');
    expect(text).toContain('service_client_calls_in_flight{service="orders"} 0');
  });

  it('should let two clients share one registry, each under its own label', async () => {
    const registry = new Registry();
    const orders = createUpstreamFetch({
      service: 'orders',
      fetch: failing,
      metrics: registry,
      clock,
    });
    createUpstreamFetch({ service: 'stock', fetch: failing, metrics: registry, clock });

    await orders('http://orders/', { method: 'POST' }).catch(() => undefined);

    const text = await registry.metrics();
    expect(text).toContain('service_client_breaker_state{service="orders"} 0');
    expect(text).toContain('service_client_breaker_state{service="stock"} 0');
  });
});
