import type { Logger } from 'pino';

/** Why a request was shed, as the metric's `reason` label and the log lines say it. */
export type ShedReason = 'in_flight' | 'event_loop_delay';

/** The state a shedding summary reports beside its counts. */
export type ShedPressure = Readonly<Record<string, number>>;

/** Writes what was shed without writing a line per shed request. */
export interface ShedLog {
  /** Notes one shed request: a debug line now, a share of the next warn summary. */
  note(line: Readonly<Record<string, unknown>>, reason: ShedReason): void;
  /** Writes what is still counted and stops the summary timer. */
  stop(): void;
}

/**
 * Logs shed requests at most once per `intervalMs` at warn, with the count by reason and the
 * pressure at that moment: the first shed request of a quiet period at once, the rest of a burst
 * in one line per interval. Under a spike a line per shed request would cost the very time the
 * process lacks and flood the log store; each one is still written at debug.
 *
 * @example
 * const log = shedLog(logger, () => ({ inFlight }));
 * log.note({ method: 'GET', path: '/orders', status: 503 }, 'in_flight');
 */
export function shedLog(logger: Logger, pressure: () => ShedPressure, intervalMs = 1_000): ShedLog {
  let counts: Record<ShedReason, number> = { in_flight: 0, event_loop_delay: 0 };
  let timer: NodeJS.Timeout | undefined;

  function flush(): boolean {
    const total = counts.in_flight + counts.event_loop_delay;
    if (total === 0) return false;
    logger.warn(
      { shed: counts, ...pressure() },
      `shedding load: ${total} request${total === 1 ? '' : 's'} answered 503`,
    );
    counts = { in_flight: 0, event_loop_delay: 0 };
    return true;
  }

  function tick(): void {
    timer = flush() ? setTimeout(tick, intervalMs).unref() : undefined;
  }

  return {
    note(line, reason) {
      logger.debug({ ...line, reason }, 'request shed');
      counts[reason] += 1;
      if (timer === undefined) tick();
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      flush();
    },
  };
}
