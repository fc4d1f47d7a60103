/**
 * The Kubernetes minor version new clusters start on. GKE keeps the cluster
 * on the REGULAR release channel and patches it automatically; this is the
 * floor (`minMasterVersion`).
 *
 * @example
 * new GkeCluster('slipway', { kubernetesVersion: defaultKubernetesVersion, ... });
 */
export const defaultKubernetesVersion = '1.35';
