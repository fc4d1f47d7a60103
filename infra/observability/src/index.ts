export { certificateAlertRules } from './certificate-alerts.ts';
export type { GrafanaPanel } from './dashboard-panels.ts';
export type { AlertingRule, RecordingRule, RuleGroup, RuleGroups } from './prometheus-rules.ts';
export { rulesFile } from './prometheus-rules.ts';
export {
  type ObservedManifest,
  type PrometheusRuleObject,
  prometheusRule,
  serviceAlertRules,
} from './service-alert-rules.ts';
export {
  type DashboardConfigMap,
  dashboardConfigMap,
  type GrafanaDashboard,
  serviceDashboard,
} from './service-dashboard.ts';
