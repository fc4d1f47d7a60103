import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import {
  certificateAlertRules,
  dashboardConfigMap,
  prometheusRule,
  serviceAlertRules,
} from '@slipway/infra-observability';
import { productNames } from '@slipway/platform-contract';
import type { Environment, ServiceManifest } from '@slipway/service-manifest';
import packageJson from '../package.json' with { type: 'json' };

/** Where an object goes and the labels it starts from (the standard ones). */
interface Placement {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * A service's alert rules and Grafana dashboard, generated from its manifest by
 * `@slipway/infra-observability`: a PrometheusRule labelled `telemetry.ruleLabel` (which the
 * platform's Prometheus selects) and a ConfigMap labelled `telemetry.dashboardLabel` (which
 * Grafana's sidecar loads), both in the service's namespace with its standard labels. Only for a
 * platform whose monitoring is on: without it the PrometheusRule kind does not exist.
 * @example resources.push(...serviceObservability('orders', { manifest, environment, namespace, labels }, { parent }));
 */
export function serviceObservability(
  name: string,
  {
    manifest,
    environment,
    namespace,
    labels,
  }: Placement & { readonly manifest: ServiceManifest; readonly environment: Environment },
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource[] {
  const rule = prometheusRule(`${manifest.name}-alerts`, serviceAlertRules(manifest, environment));
  const dashboard = dashboardConfigMap(manifest, environment);
  return [
    new k8s.apiextensions.CustomResource(
      `${name}-alerts`,
      {
        apiVersion: rule.apiVersion,
        kind: rule.kind,
        metadata: { ...rule.metadata, namespace, labels: { ...labels, ...rule.metadata.labels } },
        spec: rule.spec,
      },
      opts,
    ),
    new k8s.core.v1.ConfigMap(
      `${name}-dashboard`,
      {
        metadata: {
          ...dashboard.metadata,
          namespace,
          labels: { ...labels, ...dashboard.metadata.labels },
        },
        data: dashboard.data,
      },
      opts,
    ),
  ];
}

/** The name of the environment's certificate alerts, its object and its `app.kubernetes.io/name`. */
const certificateAlertsName = 'certificate-alerts';

/**
 * The alerts on every cert-manager Certificate of the cluster (`certificateAlertRules`), once per
 * environment namespace, not per service: certificates belong to the gateways. Only with the
 * platform's monitoring on.
 * @example certificateAlerts({ environment: 'prod', namespace: 'slipway-prod' }, { provider });
 */
export function certificateAlerts(
  { environment, namespace }: { readonly environment: Environment; readonly namespace: string },
  opts: pulumi.CustomResourceOptions,
): k8s.apiextensions.CustomResource {
  const rule = prometheusRule(certificateAlertsName, {
    groups: [certificateAlertRules(environment)],
  });
  const standard: Record<string, string> = {
    'app.kubernetes.io/name': certificateAlertsName,
    'app.kubernetes.io/instance': `${certificateAlertsName}-${environment}`,
    'app.kubernetes.io/version': packageJson.version,
    'app.kubernetes.io/component': 'alerts',
    'app.kubernetes.io/part-of': productNames.partOf,
    'app.kubernetes.io/managed-by': 'pulumi',
  };
  return new k8s.apiextensions.CustomResource(
    certificateAlertsName,
    {
      apiVersion: rule.apiVersion,
      kind: rule.kind,
      metadata: {
        name: rule.metadata.name,
        namespace,
        labels: { ...standard, ...rule.metadata.labels },
      },
      spec: rule.spec,
    },
    opts,
  );
}
