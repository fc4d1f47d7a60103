import { metricsEndpoint, telemetry } from '@slipway/platform-contract';
import type { AddonNetworkAccess } from './addon-network-policies.ts';
import {
  alertmanagerPods,
  collectorPods,
  grafanaPods,
  kubeStateMetricsPods,
  monitoringPorts as ports,
  prometheusOperatorPods,
  prometheusPods,
  tempoPods,
} from './monitoring-pods.ts';
import {
  type AddonWorkload,
  internetEgress,
  namespaceNamed,
  podsOf,
  policyFor,
  tcp,
} from './network-policy-peers.ts';

/** A same-namespace peer on some TCP ports. */
const from = (workload: AddonWorkload, ...on: number[]) => ({
  from: [podsOf(workload)],
  ports: tcp(...on),
});
const to = (workload: AddonWorkload, ...on: number[]) => ({
  to: [podsOf(workload)],
  ports: tcp(...on),
});

/**
 * The kubelets, on the nodes' own addresses: cAdvisor's container metrics (CPU, memory,
 * throttling) behind every service dashboard's saturation panels. `0.0.0.0/0` because node
 * addresses come and go with autoscaling and no selector names a node; narrowed to the kubelet's
 * port, and never link-local (node metadata and credential endpoints).
 */
const kubeletEgress = () => ({
  to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }],
  ports: tcp(ports.kubelet),
});

/**
 * What the monitoring namespace allows, beyond default-deny and DNS. The environment namespaces
 * in to the collector on OTLP (gRPC and HTTP) alone; the collector out to Tempo alone (metrics
 * are scraped, not pushed through it). Prometheus out to the services' named `metrics` port in the
 * environment namespaces (never their public port), to kube-state-metrics, the kubelets, the
 * stack's own pods and the API server (service discovery). Grafana out to Prometheus, Tempo and
 * Alertmanager, and to the API server for its dashboard and datasource sidecars. Alertmanager
 * between its replicas and out on 443 to the receivers it pages (Slack, PagerDuty, a webhook),
 * whose addresses are theirs. Nothing else reaches in: people use `kubectl port-forward`.
 *
 * @example
 * monitoringNetworkAccess(['slipway-dev']);
 */
export function monitoringNetworkAccess(
  environmentNamespaces: readonly string[],
): AddonNetworkAccess {
  const environments = environmentNamespaces.map(namespaceNamed);
  return {
    apiServerClients: [prometheusPods, prometheusOperatorPods, kubeStateMetricsPods, grafanaPods],
    policies: [
      {
        name: `${collectorPods.name}-ingress`,
        spec: policyFor(collectorPods, {
          ingress: [
            {
              from: environments,
              ports: tcp(telemetry.collector.otlpGrpcPort, telemetry.collector.otlpHttpPort),
            },
          ],
        }),
      },
      {
        name: `${collectorPods.name}-egress`,
        spec: policyFor(collectorPods, {
          egress: [to(tempoPods, ports.tempoOtlpGrpc)],
        }),
      },
      {
        name: `${tempoPods.name}-ingress`,
        spec: policyFor(tempoPods, {
          ingress: [from(collectorPods, ports.tempoOtlpGrpc), from(grafanaPods, ports.tempoHttp)],
        }),
      },
      {
        name: `${prometheusPods.name}-ingress`,
        spec: policyFor(prometheusPods, {
          ingress: [
            from(grafanaPods, ports.prometheus),
            from(prometheusPods, ports.prometheus, ports.configReloader),
          ],
        }),
      },
      {
        name: `${prometheusPods.name}-egress`,
        spec: policyFor(prometheusPods, {
          egress: [
            { to: environments, ports: tcp(metricsEndpoint.portName) },
            to(prometheusPods, ports.prometheus, ports.configReloader),
            to(alertmanagerPods, ports.alertmanager, ports.configReloader),
            to(prometheusOperatorPods, ports.operator),
            to(kubeStateMetricsPods, ports.kubeStateMetrics),
            to(grafanaPods, ports.grafana),
            kubeletEgress(),
          ],
        }),
      },
      {
        name: `${alertmanagerPods.name}-ingress`,
        spec: policyFor(alertmanagerPods, {
          ingress: [
            from(prometheusPods, ports.alertmanager, ports.configReloader),
            from(grafanaPods, ports.alertmanager),
            alertmanagerGossip('from'),
          ],
        }),
      },
      {
        name: `${alertmanagerPods.name}-egress`,
        spec: policyFor(alertmanagerPods, {
          egress: [alertmanagerGossip('to'), internetEgress(tcp(443))],
        }),
      },
      {
        name: `${grafanaPods.name}-ingress`,
        spec: policyFor(grafanaPods, { ingress: [from(prometheusPods, ports.grafana)] }),
      },
      {
        name: `${grafanaPods.name}-egress`,
        spec: policyFor(grafanaPods, {
          egress: [
            to(prometheusPods, ports.prometheus),
            to(tempoPods, ports.tempoHttp),
            to(alertmanagerPods, ports.alertmanager),
          ],
        }),
      },
      {
        name: `${kubeStateMetricsPods.name}-ingress`,
        spec: policyFor(kubeStateMetricsPods, {
          ingress: [from(prometheusPods, ports.kubeStateMetrics)],
        }),
      },
      {
        name: `${prometheusOperatorPods.name}-ingress`,
        spec: policyFor(prometheusOperatorPods, {
          ingress: [from(prometheusPods, ports.operator)],
        }),
      },
    ],
  };
}

/** Alertmanager replicas gossip to each other on one port, over TCP and UDP. */
function alertmanagerGossip(direction: 'from' | 'to') {
  return {
    [direction]: [podsOf(alertmanagerPods)],
    ports: [
      { port: ports.alertmanagerCluster, protocol: 'TCP' as const },
      { port: ports.alertmanagerCluster, protocol: 'UDP' as const },
    ],
  };
}
