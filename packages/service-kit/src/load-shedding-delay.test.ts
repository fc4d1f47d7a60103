import { describe, expect, it } from 'vitest';
import { sampleEventLoopDelay } from './load-shedding-delay.ts';

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
