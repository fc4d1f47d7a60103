import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from './logger.ts';

function linesOf(
  write: (logger: ReturnType<typeof createLogger>) => void,
): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    name: 'clock',
    destination: { write: (line: string) => void lines.push(JSON.parse(line)) },
  });
  write(logger);
  return lines;
}

afterEach(() => vi.useRealTimers());

describe('createLogger time', () => {
  it.each([
    ['a whole second', Date.UTC(2026, 11, 7, 5, 55, 12, 0)],
    ['milliseconds under 10', Date.UTC(2026, 11, 7, 5, 55, 12, 7)],
    ['milliseconds under 100', Date.UTC(2026, 11, 7, 5, 55, 12, 42)],
    ['the last millisecond of a year', Date.UTC(2026, 11, 31, 23, 59, 59, 999)],
  ])('should write %s as Date.toISOString() does', (_case, now) => {
    vi.useFakeTimers({ now, toFake: ['Date'] });

    expect(linesOf((logger) => logger.info('tick'))[0]?.time).toBe(new Date(now).toISOString());
  });

  it('should give each line its own millisecond and second', () => {
    const start = Date.UTC(2026, 11, 7, 5, 55, 12, 998);
    vi.useFakeTimers({ now: start, toFake: ['Date'] });
    const lines = linesOf((logger) => {
      for (const step of [0, 0, 1, 2, 1000]) {
        vi.setSystemTime(Date.now() + step);
        logger.info('tick');
      }
    });
    const expected = [0, 0, 1, 3, 1003].map((offset) => new Date(start + offset).toISOString());

    expect(lines.map((line) => line.time)).toEqual(expected);
  });
});
