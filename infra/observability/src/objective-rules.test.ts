import { describe, expect, it } from 'vitest';
import { resolveObjectives } from '@slipway/service-manifest';
import { objectiveAlerts, recordingRules } from './objective-rules.ts';
import { serviceSeries } from './service-series.ts';

const series = serviceSeries('orders', 'prod');
const alerts = (objectives: object, environment: 'dev' | 'prod' = 'prod') =>
  objectiveAlerts({
    service: 'orders',
    environment,
    series,
    objectives: resolveObjectives({ objectives }),
  });
const alert = (name: string, objectives: object = {}, environment: 'dev' | 'prod' = 'prod') => {
  const found = alerts(objectives, environment).find((a) => a.alert === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

describe('objectiveAlerts', () => {
  it.each([
    [99.9, ['> 0.0144', '> 0.006']],
    [99.5, ['> 0.072', '> 0.03']],
    [99.99, ['> 0.00144', '> 0.0006']],
  ])('pages at 14.4× and 6× the budget of a %s % objective', (availability, bounds) => {
    const { expr } = alert('ErrorBudgetFastBurn', { availability });
    for (const bound of bounds) expect(expr).toContain(bound);
  });

  it('pairs each long window with its short one, as the SRE workbook does', () => {
    const { expr } = alert('ErrorBudgetSlowBurn');
    expect(expr).toMatch(
      /ratio_rate1d\{[^}]*\} > 0\.003\s+and\s+[^\n]*ratio_rate2h\{[^}]*\} > 0\.003/,
    );
    expect(expr).toMatch(
      /ratio_rate3d\{[^}]*\} > 0\.001\s+and\s+[^\n]*ratio_rate6h\{[^}]*\} > 0\.001/,
    );
  });

  it("burns the latency budget at the objective's percentile", () => {
    const { expr } = alert('LatencyBudgetFastBurn', { latency: { percentile: 95 } });
    expect(expr).toContain('service:http_request_slow:ratio_rate1h');
    expect(expr).toContain('> 0.72');
  });

  it('pages only in prod; elsewhere a fast burn is a ticket', () => {
    expect(alert('ErrorBudgetFastBurn').labels.severity).toBe('page');
    expect(alert('ErrorBudgetSlowBurn').labels.severity).toBe('ticket');
    expect(alert('ErrorBudgetFastBurn', {}, 'dev').labels.severity).toBe('ticket');
  });
});

describe('recordingRules', () => {
  it("reads the slow share from the bucket at the objective's threshold", () => {
    const objectives = resolveObjectives({ objectives: { latency: { thresholdMs: 250 } } });
    const slow = recordingRules(series, objectives).find(
      (rule) => rule.record === 'service:http_request_slow:ratio_rate5m',
    );
    expect(slow?.expr).toContain('le="0.25"');
  });

  it('counts only 5xx answers as errors', () => {
    const [errors] = recordingRules(series, resolveObjectives({}));
    expect(errors?.expr).toMatch(/status=~"5\.\."\}\[5m\]\)\)\s*\/\s*sum/);
  });
});
