import type { HelmChart } from './versions.ts';

/** The chart fields of a `k8s.helm.v3.Release` for a pinned chart. */
export interface ReleaseChartArgs {
  readonly chart: string;
  readonly version: string;
  readonly repositoryOpts?: { readonly repo: string };
}

/**
 * The chart, version and repository inputs of a Helm release: an `oci://` registry is part of
 * the chart reference (Helm has no repository index there); an HTTP repository is `repositoryOpts`.
 *
 * @example
 * new k8s.helm.v3.Release('velero', { ...helmChartArgs(veleroChart), namespace: 'velero', values });
 */
export function helmChartArgs(chart: HelmChart): ReleaseChartArgs {
  return chart.repo.startsWith('oci://')
    ? { chart: `${chart.repo}/${chart.chart}`, version: chart.version }
    : { chart: chart.chart, version: chart.version, repositoryOpts: { repo: chart.repo } };
}
