/**
 * Versions this program pins. Bump them together and deliberately: the
 * cluster-autoscaler image must match the Kubernetes minor version.
 *
 * @example
 * new EksCluster('slipway', { kubernetesVersion: defaultKubernetesVersion, ... });
 */
export const defaultKubernetesVersion = '1.35';

/** metrics-server serves the resource metrics API that HorizontalPodAutoscalers read. */
export const metricsServerChart = {
  repo: 'https://kubernetes-sigs.github.io/metrics-server/',
  chart: 'metrics-server',
  version: '3.13.0',
} as const;

/** cluster-autoscaler turns the node group's min/max into actual scaling on EKS. */
export const clusterAutoscalerChart = {
  repo: 'https://kubernetes.github.io/autoscaler',
  chart: 'cluster-autoscaler',
  version: '9.54.0',
} as const;
