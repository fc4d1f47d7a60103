import { alertSeverities } from '@slipway/platform-contract';
import type { Environment, ResolvedObjectives } from '@slipway/service-manifest';
import { burnRateAlerts, burnRateRanges } from './burn-rate-windows.ts';
import type { AlertingRule, RecordingRule } from './prometheus-rules.ts';
import { bucketMatcher, type ServiceSeries } from './service-series.ts';

/** The two service level indicators an objective is set on: both a share of bad requests. */
const indicators = {
  availability: {
    record: 'service:http_request_errors:ratio_rate',
    what: 'answered with a server error (5xx)',
  },
  latency: { record: 'service:http_request_slow:ratio_rate', what: 'slower than the objective' },
} as const;

type Indicator = keyof typeof indicators;

/** `x * y` without binary floating-point noise (14.4 * 0.001 is 0.014400000000000001). */
function times(x: number, y: number): number {
  return Number((x * y).toPrecision(12));
}

/**
 * The recording rules of a service's indicators over every burn-rate window: the share of its
 * requests answered with a 5xx, and the share slower than its latency threshold (from the
 * histogram's bucket at the threshold, which the manifest's schema guarantees exists).
 * @example recordingRules(serviceSeries('orders', 'prod'), objectives)[0].record // 'service:http_request_errors:ratio_rate5m'
 */
export function recordingRules(
  series: ServiceSeries,
  objectives: ResolvedObjectives,
): RecordingRule[] {
  const by = 'sum by (namespace, container)';
  const within = bucketMatcher(objectives.latency.thresholdMs / 1000);
  return burnRateRanges.flatMap((range) => [
    {
      record: `${indicators.availability.record}${range}`,
      expr: `${by} (rate(http_requests_total{${series.container}, status=~"5.."}[${range}]))
/
${by} (rate(http_requests_total{${series.container}}[${range}]))`,
    },
    {
      record: `${indicators.latency.record}${range}`,
      expr: `1 - (
  ${by} (rate(http_request_duration_seconds_bucket{${series.container}, ${within}}[${range}]))
  /
  ${by} (rate(http_request_duration_seconds_count{${series.container}}[${range}]))
)`,
    },
  ]);
}

/**
 * The multi-window, multi-burn-rate alerts on both objectives: `<Indicator>BudgetFastBurn`
 * (a page in prod) and `<Indicator>BudgetSlowBurn` (a ticket). Outside prod nothing pages.
 * @example objectiveAlerts({ service: 'orders', environment: 'prod', series, objectives }).map((a) => a.alert)
 */
export function objectiveAlerts({
  service,
  environment,
  series,
  objectives,
}: {
  readonly service: string;
  readonly environment: Environment;
  readonly series: ServiceSeries;
  readonly objectives: ResolvedObjectives;
}): AlertingRule[] {
  const budgets: Record<Indicator, { budget: number; objective: string }> = {
    availability: {
      budget: objectives.availability.errorBudget,
      objective: `${objectives.availability.target} % of requests without a 5xx`,
    },
    latency: {
      budget: objectives.latency.errorBudget,
      objective: `${objectives.latency.percentile} % of requests within ${objectives.latency.thresholdMs} ms`,
    },
  };
  return (Object.keys(indicators) as Indicator[]).flatMap((indicator) =>
    burnRateAlerts.map(({ speed, severity, windows }) => {
      const { record, what } = indicators[indicator];
      const { budget, objective } = budgets[indicator];
      const ratio = (range: string) => `${record}${range}{${series.container}}`;
      const expr = windows
        .map(({ long, short, burnRate }) => {
          const bound = times(burnRate, budget);
          return `(
  ${ratio(long)} > ${bound}
  and
  ${ratio(short)} > ${bound}
)`;
        })
        .join('\nor\n');
      const title = indicator === 'availability' ? 'ErrorBudget' : 'LatencyBudget';
      return {
        alert: `${title}${speed}Burn`,
        expr,
        labels: {
          severity: environment === 'prod' ? severity : alertSeverities.ticket,
          service,
          environment,
          objective: indicator,
        },
        annotations: {
          summary: `${service} (${environment}) is burning its ${indicator} error budget ${speed === 'Fast' ? 'fast' : 'steadily'}`,
          description: `{{ $value | humanizePercentage }} of requests were ${what} over the last ${windows.map((w) => w.long).join(' or ')}; the objective is ${objective} over ${objectives.windowDays} days. At ${windows.map((w) => `${w.burnRate}×`).join(' / ')} the budget's rate, it lasts ${windows.map((w) => `${Math.round((objectives.windowDays / w.burnRate) * 10) / 10} days`).join(' / ')}.`,
        },
      };
    }),
  );
}
