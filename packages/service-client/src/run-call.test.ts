import { describe, expect, it } from 'vitest';
import {
  type CallPolicy,
  requestDeadlineHeader,
  resolveCallPolicy,
} from '@slipway/platform-contract';
import type { Fetch } from './fetch.ts';
import { createUpstreamFetch } from './upstream-fetch.ts';

/** A clock that moves only when told, or when the client sleeps; dice that always roll 0.5. */
function fakeClock() {
  let time = 0;
  const waits: number[] = [];
  return {
    now: () => time,
    random: () => 0.5,
    sleep: async (ms: number) => {
      waits.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    waits,
  };
}

/** A transport answering from a script, one entry per attempt, recording what it was sent. */
function scripted(...answers: (number | 'refused' | Response)[]) {
  const sent: { method: string; deadline: string | null }[] = [];
  const transport: Fetch = async (_input, init) => {
    sent.push({
      method: init?.method ?? 'GET',
      deadline: new Headers(init?.headers).get(requestDeadlineHeader),
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    if (answer === 'refused') throw new TypeError('fetch failed: ECONNREFUSED');
    return answer instanceof Response ? answer : new Response('{}', { status: answer });
  };
  return { transport, sent };
}

const noBreaker = { breaker: { failurePercent: 0 } } as const;

function client(
  transport: Fetch,
  clock = fakeClock(),
  overrides: Parameters<typeof resolveCallPolicy>[0] = {},
) {
  const policy: CallPolicy = resolveCallPolicy(overrides);
  return createUpstreamFetch({ service: 'orders', policy, fetch: transport, clock });
}

describe('deadlines', () => {
  it('sends the time left to the callee, shrinking across retries', async () => {
    const clock = fakeClock();
    const { transport, sent } = scripted(503, 503, 200);

    await client(transport, clock, { timeoutMs: 1_000 })('http://orders/orders/o-1');

    // Dice at 0.5: waits of half of 25 and 50 ms.
    expect(clock.waits).toEqual([12, 25]);
    expect(sent.map((call) => call.deadline)).toEqual(['1000', '988', '963']);
  });

  it("uses the caller's remaining deadline when it is shorter than the policy's", async () => {
    const { transport, sent } = scripted(200);

    await client(transport)('http://orders/', { headers: { [requestDeadlineHeader]: '700' } });

    expect(sent[0]?.deadline).toBe('700');
  });

  it.each(['', 'soon', '-5'])(
    'ignores a malformed deadline (%j): the policy bounds the call',
    async (value) => {
      const { transport, sent } = scripted(200);

      await client(transport)('http://orders/', { headers: { [requestDeadlineHeader]: value } });

      expect(sent[0]?.deadline).toBe('3000');
    },
  );

  it('fails fast with 504, calling nothing, when the request has no time left', async () => {
    const { transport, sent } = scripted(200);

    const call = client(transport)('http://orders/', { headers: { [requestDeadlineHeader]: '0' } });

    await expect(call).rejects.toMatchObject({ status: 504, failure: 'deadline-exceeded' });
    expect(sent).toEqual([]);
  });

  it('never retries past the deadline, even when a retry is allowed', async () => {
    const clock = fakeClock();
    const { transport, sent } = scripted(503);

    const call = client(transport, clock, { timeoutMs: 40, retry: { attempts: 5 } })(
      'http://orders/',
    );

    await expect(call).rejects.toMatchObject({ status: 503 });
    // Waits of 12 and 25 ms fit in 40; the next, 50, would not.
    expect(sent).toHaveLength(3);
    expect(clock.now()).toBeLessThan(40);
  });

  it('honours Retry-After, and does not retry when it asks for more than the deadline leaves', async () => {
    const clock = fakeClock();
    const busy = () => new Response('busy', { status: 503, headers: { 'retry-after': '1' } });
    const first = scripted(busy(), 200);

    await client(first.transport, clock, { timeoutMs: 5_000 })('http://orders/');
    expect(clock.waits).toEqual([1_000]);

    const second = scripted(busy(), 200);
    const call = client(second.transport, fakeClock(), { timeoutMs: 900 })('http://orders/');
    await expect(call).rejects.toMatchObject({ status: 503 });
    expect(second.sent).toHaveLength(1);
  });
});

describe('retries', () => {
  it.each(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])(
    'retries an idempotent %s',
    async (method) => {
      const { transport, sent } = scripted('refused', 200);

      const response = await client(transport)('http://orders/', { method });

      expect(response.status).toBe(200);
      expect(sent).toHaveLength(2);
    },
  );

  it.each(['POST', 'PATCH'])('never retries a %s, which may do its work twice', async (method) => {
    const { transport, sent } = scripted('refused', 200);

    await expect(client(transport)('http://orders/', { method })).rejects.toMatchObject({
      status: 502,
      failure: 'unreachable',
    });
    expect(sent).toHaveLength(1);
  });

  it.each([500, 501])(
    'does not retry a %i, which another attempt would not change',
    async (status) => {
      const { transport, sent } = scripted(status, 200);

      await expect(client(transport)('http://orders/')).rejects.toMatchObject({ status: 502 });
      expect(sent).toHaveLength(1);
    },
  );

  it('does not retry a 4xx: it passes through as the answer', async () => {
    const { transport, sent } = scripted(404, 200);

    expect((await client(transport)('http://orders/')).status).toBe(404);
    expect(sent).toHaveLength(1);
  });

  it('stops after policy.retry.attempts retries', async () => {
    const { transport, sent } = scripted('refused');

    await expect(
      client(transport, fakeClock(), { retry: { attempts: 2 } })('http://orders/'),
    ).rejects.toThrow();
    expect(sent).toHaveLength(3);
  });

  it('backs off with full jitter: a random share of an exponentially growing ceiling, capped', async () => {
    const clock = fakeClock();
    const { transport } = scripted('refused');
    const retry = { attempts: 4, backoffBaseMs: 100, backoffMaxMs: 300 };

    await expect(
      client(transport, clock, { retry, ...noBreaker })('http://orders/'),
    ).rejects.toThrow();

    // Dice at 0.5: half of 100, 200, 300 (capped), 300.
    expect(clock.waits).toEqual([50, 100, 150, 150]);
  });

  it('retries no more once the budget is spent: at most budgetPercent of calls, at least minPerSecond', async () => {
    const { transport, sent } = scripted('refused');
    const fetch = client(transport, fakeClock(), {
      retry: { attempts: 1, budgetPercent: 10, minPerSecond: 0 },
      ...noBreaker,
    });

    for (let i = 0; i < 30; i += 1) await fetch('http://orders/').catch(() => undefined);

    // 30 calls allow 3 retries: 30 first attempts and 3 retries reach the callee.
    expect(sent).toHaveLength(33);
  });

  it('keeps minPerSecond retries for a quiet caller', async () => {
    const { transport, sent } = scripted('refused');
    const fetch = client(transport, fakeClock(), {
      retry: { attempts: 1, budgetPercent: 10, minPerSecond: 1 },
      ...noBreaker,
    });

    for (let i = 0; i < 3; i += 1) await fetch('http://orders/').catch(() => undefined);

    expect(sent).toHaveLength(6);
  });
});

describe('the circuit breaker', () => {
  // Never answers: each call ends at its deadline (a real timer of a few ms).
  const hanging: Fetch = (_input, init) =>
    new Promise((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true });
    });

  it("does not count timeouts the caller's shorter deadline caused: tiny deadlines cannot open it", async () => {
    const fetch = client(hanging, fakeClock(), {
      timeoutMs: 3_000,
      breaker: { minimumCalls: 4, failurePercent: 50 },
    });
    const short = { headers: { [requestDeadlineHeader]: '5' } };

    for (let i = 0; i < 8; i += 1)
      await expect(fetch('http://orders/', short)).rejects.toMatchObject({ failure: 'timeout' });

    await expect(fetch('http://orders/', short)).rejects.toMatchObject({ failure: 'timeout' });
  });

  it('counts timeouts of calls that had the whole policy timeout', async () => {
    const fetch = client(hanging, fakeClock(), {
      timeoutMs: 5,
      breaker: { minimumCalls: 4, failurePercent: 50 },
    });

    for (let i = 0; i < 4; i += 1) await fetch('http://orders/').catch(() => undefined);

    await expect(fetch('http://orders/')).rejects.toMatchObject({ failure: 'circuit-open' });
  });

  it('opens on a failing callee, then fails calls fast with 503 without calling it', async () => {
    const clock = fakeClock();
    const { transport, sent } = scripted(500);
    const fetch = client(transport, clock, {
      breaker: { minimumCalls: 4, failurePercent: 50 },
    });

    for (let i = 0; i < 4; i += 1) await fetch('http://orders/').catch(() => undefined);
    const call = fetch('http://orders/');

    await expect(call).rejects.toMatchObject({ status: 503, failure: 'circuit-open' });
    expect(sent).toHaveLength(4);
  });

  it('does not count a shed answer (503 with Retry-After) as a failure: the callee is full, not broken', async () => {
    const shed = () => new Response('{}', { status: 503, headers: { 'retry-after': '1' } });
    const answers = Array.from({ length: 8 }, shed);
    const { transport, sent } = scripted(...answers);
    const fetch = client(transport, fakeClock(), {
      breaker: { minimumCalls: 4, failurePercent: 50 },
    });

    for (let i = 0; i < 8; i += 1)
      await fetch('http://orders/', { method: 'POST' }).catch(() => undefined);

    expect(sent).toHaveLength(8);
  });

  it('lets one trial call through after openMs, and closes when it succeeds', async () => {
    const clock = fakeClock();
    const { transport, sent } = scripted(500, 500, 200);
    const fetch = client(transport, clock, {
      breaker: { minimumCalls: 2, failurePercent: 50, openMs: 1_000 },
    });
    for (let i = 0; i < 2; i += 1) await fetch('http://orders/').catch(() => undefined);

    clock.advance(1_000);
    expect((await fetch('http://orders/')).status).toBe(200);
    expect((await fetch('http://orders/')).status).toBe(200);
    expect((await fetch('http://orders/')).status).toBe(200);
    expect(sent).toHaveLength(5);
  });
});
