/**
 * Versions this program pins. Bump them deliberately, one at a time, after reading their upgrade
 * notes; Karpenter states which Kubernetes minors each release supports.
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

/** Karpenter provisions nodes per pending pod when `nodeProvisioning` is `karpenter`. Its chart is an OCI artifact. */
export const karpenterChart = {
  chart: 'oci://public.ecr.aws/karpenter/karpenter',
  version: '1.14.0',
} as const;

/** The AWS Load Balancer Controller provisions the NLBs of `LoadBalancer` Services in Karpenter mode. */
export const loadBalancerControllerChart = {
  repo: 'https://aws.github.io/eks-charts',
  chart: 'aws-load-balancer-controller',
  version: '3.6.0',
} as const;
