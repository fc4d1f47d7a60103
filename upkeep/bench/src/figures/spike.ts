import type { Figure, Row } from '../figure.ts';
import { ms, perSecond, seconds } from '../lib/format.ts';
import { runSpike, spikeSkipReason } from '../spike/run-spike.ts';
import { scenarioChecks, spikeChecks } from '../spike/spike-checks.ts';
import { spikeBounds, spikePlan } from '../spike/spike-plan.ts';
import { type Percentiles, type SpikeSummary, summarizeSpike } from '../spike/spike-summary.ts';

const figure = `spike ${spikePlan.spikeFactor}×`;
const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const orNone = (value: number | undefined, format: (value: number) => string) =>
  value === undefined ? '—' : format(value);
const latency = (which: keyof Percentiles) => (value: Percentiles | undefined) =>
  orNone(value?.[which], ms);

/** A row with the protected run as the subject and the unprotected one as the baseline. */
function row(
  metric: string,
  [on, off]: readonly [string, string],
  target?: { readonly text: string; readonly met: boolean },
): Row {
  return { figure, metric, subject: on, baseline: off, ...(target && { target }) };
}

/**
 * The spike test's scenario, run once with every protection on and once with every one off
 * (the baseline column): success and shed rates, latencies of successes and failures,
 * recovery after the step down, orders' most requests in flight, `/livez` and process deaths.
 */
export const spike: Figure = {
  name: 'spike',
  summary: `gateway → orders at ${spikePlan.spikeFactor}× the base rate, protections on vs off: success, shed, latency, recovery`,
  async run(progress) {
    const skipped = spikeSkipReason();
    if (skipped !== undefined) {
      progress(`skipped: ${skipped}`);
      return [row('skipped: no PostgreSQL server (TEST_DATABASE_URL)', ['—', '—'])];
    }
    const runs = [await runSpike('on', progress), await runSpike('off', progress)] as const;
    const [on, off] = runs.map(({ record }) => summarizeSpike(record)) as [
      SpikeSummary,
      SpikeSummary,
    ];
    const each = (format: (summary: SpikeSummary) => string) => [format(on), format(off)] as const;
    const checksPassed = runs.map(({ protections, record }) => {
      const checks = [...scenarioChecks(record), ...spikeChecks(record, spikeBounds)];
      for (const check of checks.filter((each) => !each.passed))
        progress(`protections ${protections}: failed "${check.name}": ${check.detail}`);
      return `${checks.filter((check) => check.passed).length} of ${checks.length}`;
    }) as [string, string];
    const b = spikeBounds;
    return [
      row('protections (measured | baseline)', ['on', 'off']),
      row(
        'requests during the spike',
        each((s) => String(s.spikeRequests)),
      ),
      row(
        'success rate during the spike',
        each((s) => percent(s.spikeSuccessRate)),
      ),
      row(
        'served during the spike',
        each((s) => perSecond(s.spikeGoodputPerSecond)),
      ),
      row(
        'shed rate (503) during the spike',
        each((s) => percent(s.spikeShedRate)),
      ),
      row(
        'successes p50',
        each((s) => latency('p50')(s.successLatency)),
      ),
      row(
        'successes p99',
        each((s) => latency('p99')(s.successLatency)),
      ),
      row(
        'failures p50',
        each((s) => latency('p50')(s.failureLatency)),
      ),
      row(
        'failures p99',
        each((s) => latency('p99')(s.failureLatency)),
        {
          text: `≤ ${ms(b.failureP99Ms)}`,
          met: (on.failureLatency?.p99 ?? 0) <= b.failureP99Ms,
        },
      ),
      row(
        `no answer within ${seconds(spikePlan.clientTimeoutMs)}`,
        each((s) => String(s.clientTimeouts)),
        {
          text: '= 0',
          met: on.clientTimeouts === 0,
        },
      ),
      row(
        'recovery to 100 % after the step down',
        each((s) => orNone(s.recoveryMs, seconds)),
        {
          text: `≤ ${seconds(b.recoveryMs)}`,
          met: on.recoveryMs !== undefined && on.recoveryMs <= b.recoveryMs,
        },
      ),
      row(
        "orders' most requests in flight",
        each((s) => orNone(s.calleeMaxInFlight, String)),
        {
          text: `≤ ${b.calleeMaxInFlight}`,
          met: on.calleeMaxInFlight !== undefined && on.calleeMaxInFlight <= b.calleeMaxInFlight,
        },
      ),
      row(
        '/livez polls not answered 200',
        each((s) => `${s.livezFailures} of ${s.livezPolls}`),
        {
          text: '= 0',
          met: on.livezFailures === 0,
        },
      ),
      row(
        'processes that died',
        each((s) => String(s.processExits)),
        {
          text: '= 0',
          met: on.processExits === 0,
        },
      ),
      row(
        'load generator lag p99',
        each((s) => ms(s.generatorLagP99Ms)),
      ),
      row('checks of the spike test passed', checksPassed),
    ];
  },
};
