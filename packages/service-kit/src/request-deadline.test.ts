import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestDeadlineHeader } from '@slipway/platform-contract';
import { createServiceApp } from './create-service-app.ts';
import { deadlineOf, requestDeadline } from './request-deadline.ts';

/** An app whose clock moves only when a handler says so. */
function appWithClock() {
  let clock = 1_000;
  const seen: (number | undefined)[] = [];
  let work = 0;
  const app = new Hono().use(requestDeadline({ now: () => clock })).get('/work', (c) => {
    work += 1;
    seen.push(deadlineOf(c)?.remainingMs());
    clock += 400;
    seen.push(deadlineOf(c)?.remainingMs());
    return c.text('done');
  });
  return { app, seen, workDone: () => work };
}

const withDeadline = (ms: string) => ({ headers: { [requestDeadlineHeader]: ms } });

describe('requestDeadline', () => {
  it('should give handlers the time the caller has left, shrinking as time passes', async () => {
    const { app, seen } = appWithClock();

    await app.request('/work', withDeadline('1500'));

    expect(seen).toEqual([1500, 1100]);
  });

  it('should answer 504 at once, doing no work, when the caller has no time left', async () => {
    const { app, workDone } = appWithClock();

    const response = await app.request('/work', withDeadline('0'));

    expect(response.status).toBe(504);
    expect(workDone()).toBe(0);
  });

  it('should give no deadline when the caller sent none or a malformed one', async () => {
    const { app, seen } = appWithClock();

    await app.request('/work');
    await app.request('/work', withDeadline('-5'));
    await app.request('/work', withDeadline('soon'));

    expect(seen).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('should abort its signal once the deadline passes', async () => {
    const app = new Hono().use(requestDeadline()).get('/wait', async (c) => {
      const signal = deadlineOf(c)?.signal;
      await new Promise((resolve) => signal?.addEventListener('abort', resolve));
      return c.text(String(signal?.aborted));
    });

    const response = await app.request('/wait', withDeadline('20'));

    expect(await response.text()).toBe('true');
  });

  it('should be on in every service app: an expired request gets a 504 problem', async () => {
    const { app } = createServiceApp({ name: 'orders', defaultMetrics: false });
    app.get('/orders', (c) => c.json([]));

    const response = await app.request('/orders', withDeadline('0'));

    expect(response.status).toBe(504);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 504, title: 'Gateway Timeout' });
  });
});
