import { telemetry } from '@slipway/platform-contract';
import { monitoringPorts, monitoringReleases } from './monitoring-pods.ts';
import {
  restrictedContainerSecurityContext,
  restrictedPodSecurityContext,
} from './restricted-security.ts';

/** The uid the Prometheus, Alertmanager, operator and kube-state-metrics images run as (`nobody`). */
const nobody = 65534;
const podSecurityContext = {
  ...restrictedPodSecurityContext,
  runAsUser: nobody,
  runAsGroup: nobody,
  fsGroup: nobody,
};

/** What {@link kubePrometheusStackValues} needs to know. */
export interface KubePrometheusStackValuesArgs {
  /** How long Prometheus keeps samples, e.g. `15d`. */
  readonly retention: string;
  /** The size of Prometheus's volume, e.g. `50Gi`. */
  readonly storageSize: string;
}

/** Grafana's datasource for Tempo, which the chart's datasource sidecar provisions. */
export const tempoDatasource = {
  name: 'Tempo',
  type: 'tempo',
  uid: 'tempo',
  access: 'proxy',
  url: `http://${monitoringReleases.tempo}.${telemetry.namespace}.svc:${monitoringPorts.tempoHttp}`,
  // Trace views link to the service map and the metrics of the same service.
  jsonData: { serviceMap: { datasourceUid: 'prometheus' }, nodeGraph: { enabled: true } },
} as const;

/**
 * Helm values for kube-prometheus-stack. Prometheus selects every PrometheusRule and PodMonitor
 * carrying `telemetry.ruleLabel`, in any namespace (the chart's own ServiceMonitors keep their
 * `release` label and selector); the chart's default rules get the label too. Grafana's sidecar
 * loads every ConfigMap labelled `telemetry.dashboardLabel` in any namespace, Tempo is a
 * datasource, and nothing reports usage or checks for updates. Left out: the node exporter (host
 * network, PID namespace and hostPath break the restricted profile; cAdvisor and kube-state-metrics
 * feed the service dashboards, node metrics are the cloud's), the control-plane components a
 * managed cluster hides, and the operator's admission webhook (rules are checked with promtool and
 * the CRD schemas before a deploy; the webhook would need a certificate Job and an ingress open to
 * the API server's unnamed addresses).
 *
 * @example
 * kubePrometheusStackValues({ retention: '15d', storageSize: '50Gi' });
 */
export function kubePrometheusStackValues(
  args: KubePrometheusStackValuesArgs,
): Record<string, unknown> {
  const selectSlipway = { matchLabels: { ...telemetry.ruleLabel } };
  return {
    crds: { enabled: true },
    defaultRules: {
      create: true,
      labels: { ...telemetry.ruleLabel },
      rules: {
        etcd: false,
        kubeControllerManager: false,
        kubeProxy: false,
        kubeSchedulerAlerting: false,
        kubeSchedulerRecording: false,
        nodeExporterAlerting: false,
        nodeExporterRecording: false,
        windows: false,
      },
    },
    windowsMonitoring: { enabled: false },
    nodeExporter: { enabled: false },
    kubeControllerManager: { enabled: false },
    kubeScheduler: { enabled: false },
    kubeEtcd: { enabled: false },
    kubeProxy: { enabled: false },
    coreDns: { enabled: false },
    kubeDns: { enabled: false },
    prometheusOperator: {
      admissionWebhooks: { enabled: false },
      // Its TLS certificate comes from the webhook's Job; plain HTTP on 8080 without it.
      tls: { enabled: false },
      securityContext: podSecurityContext,
      containerSecurityContext: restrictedContainerSecurityContext,
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
      prometheusConfigReloader: {
        resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
      },
    },
    prometheus: {
      prometheusSpec: {
        ruleSelectorNilUsesHelmValues: false,
        ruleSelector: selectSlipway,
        ruleNamespaceSelector: {},
        podMonitorSelectorNilUsesHelmValues: false,
        podMonitorSelector: selectSlipway,
        podMonitorNamespaceSelector: {},
        retention: args.retention,
        storageSpec: {
          volumeClaimTemplate: {
            spec: {
              accessModes: ['ReadWriteOnce'],
              resources: { requests: { storage: args.storageSize } },
            },
          },
        },
        securityContext: podSecurityContext,
        resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { memory: '4Gi' } },
      },
    },
    alertmanager: {
      // Two replicas that gossip, so a drained node never silences a page.
      alertmanagerSpec: {
        replicas: 2,
        securityContext: podSecurityContext,
        resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { memory: '256Mi' } },
      },
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    },
    'kube-state-metrics': {
      securityContext: { ...podSecurityContext, enabled: true },
      containerSecurityContext: restrictedContainerSecurityContext,
      resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    },
    grafana: grafanaValues(),
  };
}

/** The Grafana subchart's values. */
function grafanaValues(): Record<string, unknown> {
  return {
    // Empty, not the parent chart's well-known default: the chart generates 40 random characters
    // into the `kube-prometheus-stack-grafana` Secret and keeps them across upgrades.
    adminPassword: '',
    'grafana.ini': {
      analytics: {
        reporting_enabled: false,
        check_for_updates: false,
        check_for_plugin_updates: false,
        feedback_links_enabled: false,
      },
      news: { news_feed_enabled: false },
    },
    sidecar: {
      dashboards: {
        enabled: true,
        label: Object.keys(telemetry.dashboardLabel)[0],
        labelValue: Object.values(telemetry.dashboardLabel)[0],
        searchNamespace: 'ALL',
      },
      datasources: { enabled: true },
    },
    additionalDataSources: [tempoDatasource],
    // Its init container runs as root to chown a volume Grafana does not have.
    initChownData: { enabled: false },
    testFramework: { enabled: false },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 472,
      runAsGroup: 472,
      fsGroup: 472,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    // The image's own uid (its files are 472's); the root filesystem stays writable, as the
    // chart's default, for the plugin and provisioning paths Grafana writes outside its volume.
    containerSecurityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
  };
}
