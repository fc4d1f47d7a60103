import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { telemetry } from '@slipway/platform-contract';
import { rulesFile } from './prometheus-rules.ts';
import { prometheusRule, serviceAlertRules } from './service-alert-rules.ts';

const rules = serviceAlertRules({ name: 'orders' }, 'prod');
const allRules = rules.groups.flatMap((group) => group.rules);

describe('serviceAlertRules', () => {
  it('records the indicators, alerts on both objectives and on the workload', () => {
    expect(allRules.flatMap((rule) => ('alert' in rule ? [rule.alert] : []))).toEqual([
      'ErrorBudgetFastBurn',
      'ErrorBudgetSlowBurn',
      'LatencyBudgetFastBurn',
      'LatencyBudgetSlowBurn',
      'PodCrashLooping',
      'AutoscalerAtMaximum',
    ]);
    expect(allRules.filter((rule) => 'record' in rule)).toHaveLength(14);
  });

  it("reads only the service's own series in its environment's namespace", () => {
    for (const rule of allRules) {
      expect(rule.expr).toContain('namespace="slipway-prod"');
      expect(rule.expr).not.toMatch(/\{(?![^}]*namespace="slipway-prod")[^}]*\}/);
    }
  });

  it('names its groups after the service, so two services never collide', () => {
    const other = serviceAlertRules({ name: 'gateway' }, 'prod').groups.map((g) => g.name);
    expect(other.some((name) => rules.groups.some((g) => g.name === name))).toBe(false);
  });

  it('writes a rules file that reads back as the same groups', () => {
    expect(parse(rulesFile(rules))).toEqual(rules);
  });
});

describe('prometheusRule', () => {
  it("carries the label the platform's Prometheus selects rules by", () => {
    const rule = prometheusRule('orders-alerts', rules);
    expect(rule.metadata.labels).toMatchObject(telemetry.ruleLabel);
    expect(rule.spec).toBe(rules);
  });
});
