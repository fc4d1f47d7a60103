import { describe, expect, it } from 'vitest';
import { resolveCallPolicy } from '@slipway/platform-contract';
import type { Fetch } from './fetch.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';

/** A client of a callee that answers only when the test releases its calls. */
function clientOfHeldCalls(maxConcurrent: number) {
  const releases: (() => void)[] = [];
  const transport: Fetch = () =>
    new Promise((resolve) => releases.push(() => resolve(new Response('{}'))));
  const policy = resolveCallPolicy({ maxConcurrent });
  const fetch = createUpstreamFetch({ service: 'orders', policy, fetch: transport });
  const releaseAll = () => {
    for (const release of releases.splice(0)) release();
  };
  return { fetch, releases, releaseAll };
}

describe('the bound on calls in flight', () => {
  it('fails a call beyond maxConcurrent fast with 503, and takes calls again once one ends', async () => {
    const { fetch, releases, releaseAll } = clientOfHeldCalls(2);

    const first = fetch('http://orders/');
    const second = fetch('http://orders/');
    await expect(fetch('http://orders/')).rejects.toMatchObject({
      status: 503,
      failure: 'concurrency-limit',
    });

    releaseAll();
    await Promise.all([first, second]);
    const third = fetch('http://orders/');
    await expect.poll(() => releases.length).toBe(1);
    releaseAll();
    expect((await third).status).toBe(200);
  });

  it('is unbounded with maxConcurrent 0', async () => {
    const { fetch, releases, releaseAll } = clientOfHeldCalls(0);

    const calls = Array.from({ length: 300 }, () => fetch('http://orders/'));
    await expect.poll(() => releases.length).toBe(300);
    releaseAll();
    expect((await Promise.all(calls)).every((response) => response.ok)).toBe(true);
  });
});
