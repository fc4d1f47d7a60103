import { environmentNamespace } from '@slipway/platform-contract';
import type { Environment } from '@slipway/service-manifest';

/**
 * The label matchers that pick one service's series in one environment, from what its objects
 * are really named: the environment's namespace, and the service's name as its container's,
 * its Deployment's and its HorizontalPodAutoscaler's (infra/services). The service's own metrics
 * carry `namespace` and `container` as the pod monitor's scrape attaches them; kube-state-metrics
 * and the kubelet's cAdvisor series carry them as their own labels.
 * @example serviceSeries('orders', 'prod').container // 'namespace="slipway-prod", container="orders"'
 */
export function serviceSeries(name: string, environment: Environment) {
  const namespace = `namespace="${environmentNamespace(environment)}"`;
  return {
    namespace,
    /** The service's own metrics, and per-container kube-state-metrics and cAdvisor series. */
    container: `${namespace}, container="${name}"`,
    deployment: `${namespace}, deployment="${name}"`,
    autoscaler: `${namespace}, horizontalpodautoscaler="${name}"`,
  } as const;
}

/** The matchers of one service's series, by the object they describe. */
export type ServiceSeries = ReturnType<typeof serviceSeries>;

/**
 * A matcher for the histogram bucket whose upper bound is `seconds`. Prometheus 3 stores a whole
 * bound as `1.0` where the kit writes `1`; the matcher takes both, so it holds on either side.
 * @example bucketMatcher(0.5) // 'le="0.5"'
 */
export function bucketMatcher(seconds: number): string {
  return Number.isInteger(seconds) ? `le=~"${seconds}|${seconds}\\\\.0"` : `le="${seconds}"`;
}
