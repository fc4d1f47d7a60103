import { serverPaths } from '@slipway/platform-contract';
import { get, getStatus } from './http-get.ts';
import type { GaugeSample, LivezSample } from './spike-record.ts';

/** Something polled on an interval until stopped; `stop` resolves with every sample. */
export interface Watcher<Sample> {
  stop(): Promise<Sample[]>;
}

/** Starts `poll` every `everyMs` (polls may overlap, as a kubelet's do) until `stop`. */
function every<Sample>(everyMs: number, poll: () => Promise<Sample[]>): Watcher<Sample> {
  const polls: Promise<Sample[]>[] = [poll()];
  const timer = setInterval(() => polls.push(poll()), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      return (await Promise.all(polls)).flat();
    },
  };
}

/**
 * Asks `/livez` of every service every `everyMs`, each on a new connection, as a kubelet does;
 * a poll not answered within `timeoutMs` counts as `timeout`.
 * @example const livez = watchLivez({ services: [gateway, orders], everyMs: 250, timeoutMs: 2_000, origin });
 */
export function watchLivez({
  services,
  everyMs,
  timeoutMs,
  origin,
}: {
  readonly services: readonly { readonly name: string; readonly url: string }[];
  readonly everyMs: number;
  readonly timeoutMs: number;
  /** The instant the run's times count from (a `performance.now()`). */
  readonly origin: number;
}): Watcher<LivezSample> {
  return every(everyMs, () =>
    Promise.all(
      services.map(async ({ name, url }) => {
        const atMs = performance.now() - origin;
        const status = await getStatus(`${url}${serverPaths.liveness}`, timeoutMs);
        return { service: name, atMs, status };
      }),
    ),
  );
}

/**
 * The value of gauge `name` in a Prometheus text exposition, summed over its label sets;
 * undefined when no series has that name.
 * @example gaugeValue('http_requests_in_flight 3\n', 'http_requests_in_flight') // 3
 */
export function gaugeValue(exposition: string, name: string): number | undefined {
  let total: number | undefined;
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})?\s+(\S+)/.exec(line);
    if (match?.[1] !== name) continue;
    const value = Number(match[3]);
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

/**
 * Scrapes gauge `gauge` from a metrics endpoint every `everyMs`: what the process itself
 * reports, not a count the test keeps. A failed scrape records `undefined`.
 * @example const inFlight = watchGauge({ url: orders.metricsUrl, gauge: 'http_requests_in_flight', everyMs: 100, origin });
 */
export function watchGauge({
  url,
  gauge,
  everyMs,
  origin,
}: {
  readonly url: string;
  readonly gauge: string;
  readonly everyMs: number;
  readonly origin: number;
}): Watcher<GaugeSample> {
  return every(everyMs, async () => {
    const atMs = performance.now() - origin;
    const result = await get(url, Math.max(everyMs * 10, 1_000));
    const value = 'body' in result ? gaugeValue(result.body, gauge) : undefined;
    return [{ atMs, value }];
  });
}
