import { createHistogram } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { sampleEventLoopDelay, windowDelayMs } from './load-shedding-delay.ts';

function blockLoop(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // Busy: nothing else runs.
  }
}

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A window of event-loop samples (ms each, as the 10 ms probe records them). */
function window(samples: Readonly<Record<number, number | undefined>>) {
  const histogram = createHistogram();
  for (const [ms, times] of Object.entries(samples)) {
    for (let i = 0; i < (times ?? 0); i += 1) histogram.record(Number(ms) * 1e6);
  }
  return histogram;
}

describe('windowDelayMs', () => {
  it.each([
    { loop: 'an idle loop', samples: { 10: 100 }, latenessMs: 0, ms: 0 },
    {
      loop: 'a lone stall among a hundred samples',
      samples: { 10: 100, 400: 1 },
      latenessMs: 0,
      ms: 0,
    },
    { loop: 'repeated stalls', samples: { 10: 100, 200: 3 }, latenessMs: 0, ms: 190 },
    {
      loop: 'a loop blocked for most of the window',
      samples: { 10: 20, 600: 1 },
      latenessMs: 0,
      ms: 590,
    },
    { loop: 'a loop blocked across the whole window', samples: {}, latenessMs: 1_500, ms: 1_500 },
  ])('should read $loop as about $ms ms', ({ samples, latenessMs, ms }) => {
    expect(windowDelayMs(window(samples), latenessMs, 10)).toBeCloseTo(ms, -1);
  });
});

describe('sampleEventLoopDelay', () => {
  it('should read 0 before its first window closes', () => {
    const sampler = sampleEventLoopDelay({ windowMs: 60_000 });
    expect(sampler.read()).toBe(0);
    sampler.stop();
  });

  it('should read a loop blocked for longer than a window as delayed by about that much', async () => {
    const sampler = sampleEventLoopDelay({ windowMs: 100 });
    blockLoop(400);
    await until(() => sampler.read() > 0);
    expect(sampler.read()).toBeGreaterThanOrEqual(250);
    sampler.stop();
  });
});
