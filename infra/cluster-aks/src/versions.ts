/**
 * The Kubernetes minor version new clusters start on. AKS picks the newest
 * patch of it and the `patch` auto-upgrade channel keeps it current.
 *
 * @example
 * new AksCluster('slipway', { kubernetesVersion: defaultKubernetesVersion, ... });
 */
export const defaultKubernetesVersion = '1.35';
