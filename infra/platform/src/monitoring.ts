import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { componentType, telemetry } from '@slipway/platform-contract';
import { createAddonNamespace } from './addon-namespace.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { helmChartArgs } from './helm-chart.ts';
import { kubePrometheusStackValues } from './kube-prometheus-stack-values.ts';
import { monitoringNetworkAccess } from './monitoring-network-policies.ts';
import { collectorPods, monitoringReleases } from './monitoring-pods.ts';
import { otelCollectorValues } from './otel-collector-values.ts';
import type { PodSecurityLevel } from './platform-labels.ts';
import type { PlatformMonitoring } from './platform-outputs.ts';
import { servicesPodMonitor } from './services-pod-monitor.ts';
import { tempoValues } from './tempo-values.ts';
import { kubePrometheusStackChart, openTelemetryCollectorChart, tempoChart } from './versions.ts';

/** Retention and volume sizes when the stack config leaves them out. */
const monitoringDefaults = {
  prometheusRetention: '15d',
  prometheusStorageSize: '50Gi',
  tempoRetention: '168h',
  tempoStorageSize: '10Gi',
} as const;

/** Arguments of {@link Monitoring}. */
export interface MonitoringArgs {
  /** The environment namespaces: their pods send OTLP to the collector and are scraped. */
  readonly environmentNamespaces: readonly string[];
  /** How long Prometheus keeps samples. Default: {@link monitoringDefaults}. */
  readonly prometheusRetention?: string;
  /** Prometheus's volume size. Default: {@link monitoringDefaults}. */
  readonly prometheusStorageSize?: string;
  /** How long Tempo keeps traces, a Go duration. Default: {@link monitoringDefaults}. */
  readonly tempoRetention?: string;
  /** Tempo's volume size. Default: {@link monitoringDefaults}. */
  readonly tempoStorageSize?: string;
  /** What the PodMonitors wait for: the environment namespaces. Default: none. */
  readonly installAfter?: readonly pulumi.Resource[];
  /** Pod Security level enforced in the `monitoring` namespace. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
  /** Where the API server is, for the namespace's egress policies. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/**
 * The collection stack in the `monitoring` namespace (`telemetry.namespace`): the OpenTelemetry
 * Collector (`otel-collector`, OTLP on 4317/4318) sending traces to Tempo, and
 * kube-prometheus-stack (the Prometheus operator, Prometheus, Alertmanager, Grafana,
 * kube-state-metrics) with Tempo as a Grafana datasource. Prometheus picks up every
 * PrometheusRule and PodMonitor labelled `telemetry.ruleLabel` and Grafana every dashboard
 * ConfigMap labelled `telemetry.dashboardLabel`, in any namespace; a PodMonitor per environment
 * namespace scrapes the services' `metrics` port. See docs/observability.md.
 *
 * @example
 * new Monitoring('monitoring', { environmentNamespaces: ['slipway-dev'], podSecurityVersion: 'v1.35', apiServer }, { provider });
 */
export class Monitoring extends pulumi.ComponentResource {
  /** The namespace and the collector's pods, for the services' egress (platform-outputs.ts). */
  readonly outputs: pulumi.Output<PlatformMonitoring>;

  constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'Monitoring'), name, {}, opts);
    const [namespace, ...policies] = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: telemetry.namespace,
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
        network: monitoringNetworkAccess(args.environmentNamespaces),
        apiServer: args.apiServer,
      },
      { parent: this },
    );
    // The namespace's policies first, so no chart pod runs unconfined.
    const afterPolicies = { parent: this, dependsOn: policies };

    const tempo = new k8s.helm.v3.Release(
      `${name}-tempo`,
      {
        name: monitoringReleases.tempo,
        namespace: namespace.metadata.name,
        ...helmChartArgs(tempoChart),
        values: tempoValues({
          retention: args.tempoRetention ?? monitoringDefaults.tempoRetention,
          storageSize: args.tempoStorageSize ?? monitoringDefaults.tempoStorageSize,
        }),
      },
      afterPolicies,
    );
    const stack = new k8s.helm.v3.Release(
      `${name}-kube-prometheus-stack`,
      {
        name: monitoringReleases.stack,
        namespace: namespace.metadata.name,
        ...helmChartArgs(kubePrometheusStackChart),
        values: kubePrometheusStackValues({
          retention: args.prometheusRetention ?? monitoringDefaults.prometheusRetention,
          storageSize: args.prometheusStorageSize ?? monitoringDefaults.prometheusStorageSize,
        }),
      },
      afterPolicies,
    );
    new k8s.helm.v3.Release(
      `${name}-otel-collector`,
      {
        name: monitoringReleases.collector,
        namespace: namespace.metadata.name,
        ...helmChartArgs(openTelemetryCollectorChart),
        values: otelCollectorValues(),
      },
      // Tempo first: the collector's trace exporter has somewhere to send from its first span.
      { parent: this, dependsOn: [...policies, tempo] },
    );

    for (const environment of args.environmentNamespaces) {
      new k8s.apiextensions.CustomResource(
        `${name}-${environment}-pod-monitor`,
        servicesPodMonitor(environment),
        // The PodMonitor kind exists once the stack's chart has installed the operator's CRDs.
        { parent: this, dependsOn: [stack, ...(args.installAfter ?? [])] },
      );
    }

    this.outputs = namespace.metadata.name.apply(
      (name): PlatformMonitoring => ({
        namespace: name,
        collectorPodLabels: { ...collectorPods.podLabels },
      }),
    );
    this.registerOutputs({ outputs: this.outputs });
  }
}
