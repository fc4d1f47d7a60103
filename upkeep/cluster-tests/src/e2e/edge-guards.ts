import { gatewayTrafficDefaults } from '@slipway/platform-contract';
import { generateLoad, type LoadReport, type LoadTarget } from './load-generator.ts';
import type { JsonAnswer, SendJson } from './order-traffic.ts';

/** A request every service answers cheaply, through the public service's route. */
const probe = { method: 'GET', path: '/livez' } as const;

/**
 * Why an HTTPS answer of the gateway lacks the listener's HSTS: the ClientTrafficPolicy sets
 * `Strict-Transport-Security` with the contract's max-age and `includeSubDomains`.
 * @example hstsProblems({ status: 200, body: {}, headers: {} }) // ['no Strict-Transport-Security header …']
 */
export function hstsProblems(answer: JsonAnswer): string[] {
  const value = answer.headers?.['strict-transport-security'];
  const expected = `max-age=${gatewayTrafficDefaults.hstsMaxAgeSeconds}; includeSubDomains`;
  if (value === undefined)
    return [
      `no Strict-Transport-Security header on ${probe.method} ${probe.path} (${answer.status})`,
    ];
  return value === expected ? [] : [`Strict-Transport-Security is '${value}', not '${expected}'`];
}

/**
 * Why a burst from one client over its rate limit did not show the limit: some answers must be
 * 429 (the gateway's local rate limit), and every other answer a success; no reset, no error.
 * @example rateLimitProblems(report) // [] when the burst saw 429s and only 429s failed
 */
export function rateLimitProblems(report: LoadReport): string[] {
  const { 429: limited = 0, ...others } = report.failedByStatus;
  return [
    ...(limited === 0
      ? [`no 429 among ${report.sent} requests sent back to back from one client`]
      : []),
    ...Object.entries(others).map(([status, n]) => `${n} answers were ${status}, not 2xx or 429`),
    ...(report.resets > 0 ? [`${report.resets} connections reset`] : []),
    ...Object.entries(report.errors).map(([code, n]) => `${n} requests failed with ${code}`),
  ];
}

/**
 * What a client sees of the gateway's guards on kind: HSTS on an HTTPS answer, then 429s once
 * it sends, back to back, many times the requests a second its rate limit allows.
 * @example const problems = await edgeGuardProblems(target, sendJson, 100);
 */
export async function edgeGuardProblems(
  target: LoadTarget,
  send: SendJson,
  requestsPerSecond: number,
): Promise<string[]> {
  const hsts = hstsProblems(await send(target, probe));
  const controller = new AbortController();
  // Bounded: twenty seconds' worth of the limit, sent as fast as 16 connections go.
  const cap = requestsPerSecond * 20;
  const burst = await generateLoad({
    target,
    next: (index) => {
      if (index >= cap - 1) controller.abort();
      return probe;
    },
    signal: controller.signal,
    concurrency: 16,
  });
  return [...hsts, ...rateLimitProblems(burst)];
}
