import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { resolveCallPolicy } from '@slipway/platform-contract';
import type { Fetch } from './fetch.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';

describe('a call its caller cancels', () => {
  it('is not retried, and rejects with the abort reason, as fetch does', async () => {
    const controller = new AbortController();
    const metrics = new Registry();
    let sent = 0;
    const transport: Fetch = async (_input, init) => {
      sent += 1;
      controller.abort(new Error('the caller stopped waiting'));
      throw init?.signal?.reason;
    };
    const fetch = createUpstreamFetch({
      service: 'orders',
      policy: resolveCallPolicy({}),
      fetch: transport,
      clock: { now: () => 0, random: () => 0, sleep: async () => undefined },
      metrics,
    });

    const call = fetch('http://orders/', { signal: controller.signal });

    await expect(call).rejects.toThrow('the caller stopped waiting');
    expect(sent).toBe(1);
    const retries = await metrics.getSingleMetric('service_client_retries_total')?.get();
    expect(retries?.values.reduce((sum, { value }) => sum + value, 0) ?? 0).toBe(0);
  });
});
