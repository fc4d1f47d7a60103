import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shedLog } from './load-shedding-log.ts';

type Line = Record<string, unknown>;

function logged(level: 'debug' | 'info' = 'debug') {
  const lines: Line[] = [];
  const logger = pino({ level }, { write: (text: string) => void lines.push(JSON.parse(text)) });
  const warnings = () => lines.filter((line) => line.level === 40);
  return { logger, lines, warnings };
}

describe('shedLog', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('should warn at once for the first shed request, then once per interval for the rest', () => {
    const { logger, warnings } = logged();
    const log = shedLog(logger, () => ({ inFlight: 8 }), 1_000);
    log.note({ path: '/a' }, 'in_flight');
    expect(warnings()).toMatchObject([
      {
        shed: { in_flight: 1, event_loop_delay: 0 },
        inFlight: 8,
        msg: 'shedding load: 1 request answered 503',
      },
    ]);

    for (let i = 0; i < 50; i += 1)
      log.note({ path: '/a' }, i % 2 ? 'in_flight' : 'event_loop_delay');
    expect(warnings()).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(warnings()).toHaveLength(2);
    expect(warnings()[1]).toMatchObject({
      shed: { in_flight: 25, event_loop_delay: 25 },
      msg: 'shedding load: 50 requests answered 503',
    });

    // A quiet interval ends the summaries; the next shed request warns at once again.
    vi.advanceTimersByTime(5_000);
    expect(warnings()).toHaveLength(2);
    log.note({ path: '/a' }, 'in_flight');
    expect(warnings()).toHaveLength(3);
    log.stop();
  });

  it('should write one debug line per shed request, and nothing at info level', () => {
    const debug = logged('debug');
    const log = shedLog(debug.logger, () => ({}));
    log.note({ method: 'GET', path: '/a', status: 503 }, 'event_loop_delay');
    expect(debug.lines.filter((line) => line.msg === 'request shed')).toMatchObject([
      { level: 20, method: 'GET', path: '/a', status: 503, reason: 'event_loop_delay' },
    ]);
    log.stop();

    const info = logged('info');
    const quiet = shedLog(info.logger, () => ({}));
    quiet.note({ path: '/a' }, 'in_flight');
    expect(info.lines.filter((line) => line.msg === 'request shed')).toEqual([]);
    quiet.stop();
  });

  it('should write what is still counted when stopped', () => {
    const { logger, warnings } = logged();
    const log = shedLog(logger, () => ({}));
    log.note({}, 'in_flight');
    log.note({}, 'in_flight');
    log.stop();
    expect(warnings().map((line) => line.shed)).toEqual([
      { in_flight: 1, event_loop_delay: 0 },
      { in_flight: 1, event_loop_delay: 0 },
    ]);
  });
});
