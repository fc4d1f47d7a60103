import { telemetry } from '@slipway/platform-contract';
import {
  type Environment,
  resolveObjectives,
  type ServiceManifest,
} from '@slipway/service-manifest';
import { objectiveAlerts, recordingRules } from './objective-rules.ts';
import type { RuleGroups } from './prometheus-rules.ts';
import { serviceSeries } from './service-series.ts';
import { workloadAlerts } from './workload-alerts.ts';

/** What the alert rules and the dashboard read from a manifest. */
export type ObservedManifest = Pick<ServiceManifest, 'name' | 'objectives'>;

/**
 * A service's Prometheus rules in one environment, from its manifest alone: recording rules for
 * its error and slow-request ratios, the multi-window, multi-burn-rate alerts on its objectives,
 * and the crash-loop and autoscaler alerts. The same groups are a PrometheusRule's `spec` and a
 * rules file (`rulesFile`).
 * @example serviceAlertRules(manifest, 'prod').groups.map((g) => g.name) // ['orders-slo-indicators', 'orders-slo-alerts', 'orders-workload-alerts']
 */
export function serviceAlertRules(
  manifest: ObservedManifest,
  environment: Environment,
): RuleGroups {
  const service = manifest.name;
  const series = serviceSeries(service, environment);
  const objectives = resolveObjectives(manifest);
  return {
    groups: [
      { name: `${service}-slo-indicators`, rules: recordingRules(series, objectives) },
      {
        name: `${service}-slo-alerts`,
        rules: objectiveAlerts({ service, environment, series, objectives }),
      },
      {
        name: `${service}-workload-alerts`,
        rules: workloadAlerts({ service, environment, series }),
      },
    ],
  };
}

/** A prometheus-operator PrometheusRule, but for its namespace, which the caller chooses. */
export interface PrometheusRuleObject {
  readonly apiVersion: 'monitoring.coreos.com/v1';
  readonly kind: 'PrometheusRule';
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: RuleGroups;
}

/**
 * Rule groups as a PrometheusRule the platform's Prometheus loads: labelled with
 * `telemetry.ruleLabel`, which its rule selector matches.
 * @example prometheusRule('orders-alerts', serviceAlertRules(manifest, 'prod'))
 */
export function prometheusRule(name: string, spec: RuleGroups): PrometheusRuleObject {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name, labels: { ...telemetry.ruleLabel } },
    spec,
  };
}
