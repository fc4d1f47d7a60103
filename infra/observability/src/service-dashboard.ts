import { createHash } from 'node:crypto';
import { telemetry } from '@slipway/platform-contract';
import { type Environment, resolveObjectives } from '@slipway/service-manifest';
import { type GrafanaPanel, layOutPanels, type PanelContent } from './dashboard-panels.ts';
import type { ObservedManifest } from './service-alert-rules.ts';
import { type ServiceSeries, serviceSeries } from './service-series.ts';

/** A Grafana dashboard in its JSON model, as Grafana's dashboard sidecar loads it. */
export interface GrafanaDashboard {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly schemaVersion: number;
  readonly editable: boolean;
  readonly time: { readonly from: string; readonly to: string };
  readonly refresh: string;
  readonly templating: { readonly list: readonly Record<string, unknown>[] };
  readonly panels: readonly GrafanaPanel[];
}

/** Grafana refuses a uid over 40 characters: a long one keeps its start and gains a hash. */
function dashboardUid(service: string, environment: Environment): string {
  const uid = `${service}-${environment}`;
  if (uid.length <= 40) return uid;
  const hash = createHash('sha256').update(uid).digest('hex').slice(0, 8);
  return `${uid.slice(0, 31)}-${hash}`;
}

const rate = '$__rate_interval';

function panels(series: ServiceSeries, manifest: ObservedManifest): PanelContent[] {
  const objectives = resolveObjectives(manifest);
  const { container, deployment, autoscaler } = series;
  const requests = (matchers: string, range: string) =>
    `sum(rate(http_requests_total{${matchers}}[${range}]))`;
  const errorRatio = (range: string) =>
    `${requests(`${container}, status=~"5.."`, range)} / ${requests(container, range)}`;
  const quantile = (q: number) =>
    `histogram_quantile(${q}, sum by (le) (rate(http_request_duration_seconds_bucket{${container}}[${rate}])))`;
  const percentiles = [...new Set([50, 90, objectives.latency.percentile])].sort((a, b) => a - b);
  const perPod = (metric: string) => `sum by (pod) (${metric})`;
  const request = (resource: 'cpu' | 'memory') =>
    `max(kube_pod_container_resource_requests{${container}, resource="${resource}"})`;
  const hpa = (metric: string, legend: string) => ({
    expr: `max(kube_horizontalpodautoscaler_${metric}{${autoscaler}})`,
    legend,
  });
  return [
    {
      title: 'Requests',
      description: 'Requests answered per second, by status.',
      unit: 'reqps',
      queries: [
        {
          expr: `sum by (status) (rate(http_requests_total{${container}}[${rate}]))`,
          legend: '{{status}}',
        },
      ],
    },
    {
      title: 'Errors',
      description: `Share of requests answered with a 5xx; the line is the error budget (${objectives.availability.target} % availability).`,
      unit: 'percentunit',
      queries: [{ expr: errorRatio(rate), legend: '5xx' }],
      threshold: objectives.availability.errorBudget,
    },
    {
      title: 'Latency',
      description: `Request duration percentiles; the line is the objective (${objectives.latency.percentile} % within ${objectives.latency.thresholdMs} ms).`,
      unit: 's',
      queries: percentiles.map((p) => ({ expr: quantile(p / 100), legend: `p${p}` })),
      threshold: objectives.latency.thresholdMs / 1000,
    },
    {
      type: 'stat',
      title: `Error budget left (${objectives.windowDays} days)`,
      description: `Share of the availability error budget not yet spent over the last ${objectives.windowDays} days.`,
      unit: 'percentunit',
      queries: [
        {
          expr: `1 - (${errorRatio(`${objectives.windowDays}d`)}) / ${objectives.availability.errorBudget}`,
          legend: 'budget left',
        },
      ],
      threshold: 0,
      thresholdBelow: true,
    },
    {
      title: 'CPU',
      description:
        'CPU used by each pod, and the request the scheduler reserved for it (saturation).',
      unit: 'short',
      queries: [
        {
          expr: perPod(`rate(container_cpu_usage_seconds_total{${container}}[${rate}])`),
          legend: '{{pod}}',
        },
        { expr: request('cpu'), legend: 'request' },
      ],
    },
    {
      title: 'Memory',
      description: 'Working set of each pod, and its request (saturation).',
      unit: 'bytes',
      queries: [
        { expr: perPod(`container_memory_working_set_bytes{${container}}`), legend: '{{pod}}' },
        { expr: request('memory'), legend: 'request' },
      ],
    },
    {
      title: 'Pods',
      description: 'Pods of the Deployment that are available and unavailable.',
      unit: 'short',
      queries: [
        {
          expr: `max(kube_deployment_status_replicas_available{${deployment}})`,
          legend: 'available',
        },
        {
          expr: `max(kube_deployment_status_replicas_unavailable{${deployment}})`,
          legend: 'unavailable',
        },
      ],
    },
    {
      title: 'Restarts',
      description:
        'Container restarts per pod over the last hour: a climbing line is a crash loop.',
      unit: 'short',
      queries: [
        {
          expr: perPod(`increase(kube_pod_container_status_restarts_total{${container}}[1h])`),
          legend: '{{pod}}',
        },
      ],
    },
    {
      title: 'Autoscaler',
      description:
        'Replicas the HorizontalPodAutoscaler runs and wants, between its minimum and maximum.',
      unit: 'short',
      queries: [
        hpa('status_current_replicas', 'current'),
        hpa('status_desired_replicas', 'desired'),
        hpa('spec_min_replicas', 'min'),
        hpa('spec_max_replicas', 'max'),
      ],
    },
  ];
}

/**
 * A service's Grafana dashboard in one environment: requests, errors and latency against its
 * objectives, the error budget left, saturation (CPU and memory against requests), pods, restarts
 * and autoscaler replicas. Queries read the data source chosen in its `datasource` variable.
 * @example serviceDashboard(manifest, 'prod').title // 'orders (prod)'
 */
export function serviceDashboard(
  manifest: ObservedManifest,
  environment: Environment,
): GrafanaDashboard {
  return {
    uid: dashboardUid(manifest.name, environment),
    title: `${manifest.name} (${environment})`,
    tags: [telemetry.ruleLabel['app.kubernetes.io/part-of'], environment],
    schemaVersion: 39,
    editable: false,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Data source',
          type: 'datasource',
          query: 'prometheus',
          hide: 0,
        },
      ],
    },
    panels: layOutPanels(panels(serviceSeries(manifest.name, environment), manifest)),
  };
}

/** The parts of a dashboard's ConfigMap this package decides; the caller adds the namespace. */
export interface DashboardConfigMap {
  readonly metadata: { readonly name: string; readonly labels: Readonly<Record<string, string>> };
  readonly data: Readonly<Record<string, string>>;
}

/**
 * A service's dashboard as the payload of a ConfigMap labelled `telemetry.dashboardLabel`,
 * which Grafana's dashboard sidecar loads.
 * @example dashboardConfigMap(manifest, 'prod').data // { 'orders-prod.json': '{ "uid": … }' }
 */
export function dashboardConfigMap(
  manifest: ObservedManifest,
  environment: Environment,
): DashboardConfigMap {
  const dashboard = serviceDashboard(manifest, environment);
  return {
    metadata: { name: `${manifest.name}-dashboard`, labels: { ...telemetry.dashboardLabel } },
    data: { [`${dashboard.uid}.json`]: `${JSON.stringify(dashboard, null, 2)}\n` },
  };
}
