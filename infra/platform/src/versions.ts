/**
 * Versions the platform program pins. Bump deliberately, one at a time, after
 * reading the upstream upgrade notes; `pulumi preview` shows the Helm diff.
 *
 * @example
 * new k8s.helm.v3.Release('cert-manager', { chart: certManagerChart.chart, version: certManagerChart.version, ... });
 */
export const certManagerChart = {
  repo: 'https://charts.jetstack.io',
  chart: 'cert-manager',
  version: 'v1.21.2',
} as const;

/**
 * ingress-nginx was retired upstream in March 2026: 4.15.1 (controller
 * v1.15.1) is its last release and will get no further security fixes.
 * Kept because the services' Ingress objects target its `nginx` class; see
 * docs/deploying.md for the migration note.
 */
export const ingressNginxChart = {
  repo: 'https://kubernetes.github.io/ingress-nginx',
  chart: 'ingress-nginx',
  version: '4.15.1',
} as const;

/** Velero 1.18.1 (chart 12.1.0) is the first release with the fix for GHSA-j2g6-362q-6qc6. */
export const veleroChart = {
  repo: 'https://vmware-tanzu.github.io/helm-charts',
  chart: 'velero',
  version: '12.1.0',
} as const;

/** The object-storage and snapshot plugin image for each cloud, paired with Velero 1.18. */
export const veleroPluginImages = {
  aws: 'velero/velero-plugin-for-aws:v1.14.2',
  gcp: 'velero/velero-plugin-for-gcp:v1.14.2',
  azure: 'velero/velero-plugin-for-microsoft-azure:v1.14.2',
} as const;

/**
 * The Pod Security Standards version namespaces pin (`*-version` labels), so a
 * cluster upgrade never tightens or loosens the rules silently. Matches the
 * clusters' default Kubernetes version.
 */
export const defaultPodSecurityVersion = 'v1.35';
