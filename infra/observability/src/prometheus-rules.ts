import { stringify } from 'yaml';

/** A Prometheus recording rule: `expr` evaluated and stored as the series `record`. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Prometheus alerting rule. */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** How long `expr` must hold before the alert fires (a Prometheus duration); default: at once. */
  readonly for?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A group of rules evaluated together, in order; the same shape in a PrometheusRule and a rules file. */
export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly (RecordingRule | AlertingRule)[];
}

/** The `spec` of a prometheus-operator PrometheusRule, and the whole of a Prometheus rules file. */
export interface RuleGroups {
  readonly groups: readonly RuleGroup[];
}

/**
 * Rule groups as a Prometheus rules file (YAML), as `promtool check rules` and
 * `promtool test rules` read it.
 * @example await writeFile('rules.yaml', rulesFile(serviceAlertRules(manifest, 'prod')));
 */
export function rulesFile(rules: RuleGroups): string {
  return stringify(rules, { lineWidth: 0 });
}
