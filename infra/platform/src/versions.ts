/**
 * Versions the platform program pins, each stated once: the Helm releases install them and
 * the CRD schemas in infra/policy/crd-schemas are refreshed from the same ones
 * (`npm run refresh-crd-schemas -w @slipway/infra-policy`; a test keeps the two in step).
 * Bump deliberately, one at a time, after reading the upstream upgrade notes; `pulumi preview`
 * shows the Helm diff. See docs/gateway.md.
 *
 * @example
 * new k8s.helm.v3.Release('cert-manager', { ...helmChartArgs(certManagerChart), ... });
 */

import type { ClusterCloud } from '@slipway/platform-contract';

/** A Helm chart at a pinned version; `repo` is an HTTP repository or an `oci://` registry path. */
export interface HelmChart {
  readonly repo: string;
  readonly chart: string;
  readonly version: string;
}

/** cert-manager; its chart version is its app version. */
export const certManagerChart = {
  repo: 'https://charts.jetstack.io',
  chart: 'cert-manager',
  version: 'v1.21.2',
} as const satisfies HelmChart;

/** Envoy Gateway, the Gateway API implementation at the edge; chart version = app version. */
export const envoyGatewayChart = {
  repo: 'oci://docker.io/envoyproxy',
  chart: 'gateway-helm',
  version: 'v1.9.1',
} as const satisfies HelmChart;

/**
 * The Kubernetes minors Envoy Gateway v1.9 supports: v1.33 to v1.36, as its compatibility matrix
 * lists them (https://gateway.envoyproxy.io/news/releases/matrix/). Clusters it is installed on
 * stay inside; the kind e2e's node image is checked against it. Re-read the matrix with every
 * chart bump.
 */
export const envoyGatewayKubernetesRange = { min: '1.33', max: '1.36' } as const;

/**
 * Envoy Gateway's CRD chart, same release: it installs the Gateway API CRDs (standard channel)
 * and Envoy Gateway's own, so one release owns every CRD the edge needs.
 */
export const envoyGatewayCrdsChart = {
  repo: envoyGatewayChart.repo,
  chart: 'gateway-crds-helm',
  version: envoyGatewayChart.version,
} as const satisfies HelmChart;

/**
 * The Gateway API release Envoy Gateway v1.9.1 is built and conformance-tested against (its
 * go.mod requires sigs.k8s.io/gateway-api v1.6.1) and whose standard-channel CRDs its CRD
 * chart installs. The schema refresh fails when the two disagree.
 */
export const gatewayApiVersion = 'v1.6.1';

/** Velero 1.18.1 (chart 12.1.0) is the first release with the fix for GHSA-j2g6-362q-6qc6. */
export const veleroChart = {
  repo: 'https://vmware-tanzu.github.io/helm-charts',
  chart: 'velero',
  version: '12.1.0',
} as const satisfies HelmChart;

/** The Velero release chart {@link veleroChart} installs (its appVersion). */
export const veleroVersion = 'v1.18.1';

/**
 * The object-storage and snapshot plugin image for each cloud with a cluster program, paired
 * with Velero 1.18; the cloud's name is Velero's provider name. A cloud added to the contract
 * does not compile here until it has its plugin.
 */
export const veleroPluginImages = {
  aws: 'velero/velero-plugin-for-aws:v1.14.2',
  gcp: 'velero/velero-plugin-for-gcp:v1.14.2',
  azure: 'velero/velero-plugin-for-microsoft-azure:v1.14.2',
} as const satisfies Record<ClusterCloud, string>;

/**
 * kube-prometheus-stack: the Prometheus operator, Prometheus, Alertmanager, Grafana and
 * kube-state-metrics, with the operator's CRDs. Its major version moves with the operator's.
 */
export const kubePrometheusStackChart = {
  repo: 'https://prometheus-community.github.io/helm-charts',
  chart: 'kube-prometheus-stack',
  version: '88.0.0',
} as const satisfies HelmChart;

/**
 * The Prometheus operator release {@link kubePrometheusStackChart} installs (its appVersion), whose
 * CRDs (PodMonitor, PrometheusRule...) the stored schemas come from.
 */
export const prometheusOperatorVersion = 'v0.93.0';

/** The OpenTelemetry Collector chart (collector 0.153.0, the `otelcol-k8s` distribution). */
export const openTelemetryCollectorChart = {
  repo: 'https://open-telemetry.github.io/opentelemetry-helm-charts',
  chart: 'opentelemetry-collector',
  version: '0.158.3',
} as const satisfies HelmChart;

/**
 * Grafana Tempo in single-binary mode (Tempo 2.10.0); the chart moved from grafana/helm-charts
 * to the community-kept repository, which is where its releases are published now.
 */
export const tempoChart = {
  repo: 'https://grafana-community.github.io/helm-charts',
  chart: 'tempo',
  version: '1.26.2',
} as const satisfies HelmChart;

/**
 * Sigstore's policy-controller, the admission webhook that verifies the GitHub build provenance
 * of every image in the environment namespaces (image-admission.ts). Chart 0.10.x ships
 * policy-controller 0.13 or newer, the first to read Sigstore bundles (`signatureFormat: bundle`),
 * the format GitHub's attestations are stored in. See docs/deploying/delivery.md.
 */
export const policyControllerChart = {
  repo: 'https://sigstore.github.io/helm-charts',
  chart: 'policy-controller',
  version: '0.10.8',
} as const satisfies HelmChart;

/** The policy-controller release {@link policyControllerChart} installs, whose CRDs the stored schemas come from. */
export const policyControllerVersion = 'v0.13.1';

/**
 * The Go module (and version) each CRD-typed object's published schema comes from: what
 * infra/policy's refresh script downloads and its index records.
 */
export const crdSchemaSources = {
  'sigs.k8s.io/gateway-api': gatewayApiVersion,
  'github.com/envoyproxy/gateway': envoyGatewayChart.version,
  'github.com/cert-manager/cert-manager': certManagerChart.version,
  'github.com/vmware-tanzu/velero': veleroVersion,
  'github.com/prometheus-operator/prometheus-operator': prometheusOperatorVersion,
  'github.com/sigstore/policy-controller': policyControllerVersion,
} as const;

/**
 * The Pod Security Standards version namespaces pin (`*-version` labels), so a
 * cluster upgrade never tightens or loosens the rules silently. Matches the
 * clusters' default Kubernetes version.
 */
export const defaultPodSecurityVersion = 'v1.35';
