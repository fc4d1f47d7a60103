/** What the platform needs to know of one cloud. */
export interface CloudEntry {
  /** What the cloud is, for prompts and docs. */
  readonly title: string;
  /** The Pulumi program that creates its cluster; none for `none` (a cluster you bring). */
  readonly clusterProgram?: `infra/cluster-${string}`;
  /** The page on that program's defaults, their cost and how to change them; with the program. */
  readonly docsPage?: `docs/clusters/${string}.md`;
  /** How the workflows log in: the cloud-login action's OIDC step for it, or none. */
  readonly ciLogin: 'aws-oidc' | 'gcp-workload-identity' | 'azure-oidc' | 'none';
  /** Variables each deploying GitHub environment must set for the login (docs/secrets.md). */
  readonly requiredVariables: readonly string[];
}

/**
 * Every cloud a fork can deploy to. Adding one here makes every table keyed by {@link Cloud} or
 * {@link ClusterCloud} (the cloud-login steps the workflows test holds the action to, Velero's
 * plugin per cloud) a compile error until it has the new cloud's entry; what is derived from
 * this list (`clusterClouds`, init's choices, {@link ClusterPulumiProgram}) follows by itself.
 * @example clouds.gcp.clusterProgram // 'infra/cluster-gke'
 */
export const clouds = {
  aws: {
    title: 'AWS (EKS)',
    clusterProgram: 'infra/cluster-eks',
    docsPage: 'docs/clusters/eks.md',
    ciLogin: 'aws-oidc',
    requiredVariables: ['AWS_ROLE_ARN', 'AWS_REGION'],
  },
  gcp: {
    title: 'Google Cloud (GKE)',
    clusterProgram: 'infra/cluster-gke',
    docsPage: 'docs/clusters/gke.md',
    ciLogin: 'gcp-workload-identity',
    requiredVariables: ['GCP_WORKLOAD_IDENTITY_PROVIDER', 'GCP_SERVICE_ACCOUNT'],
  },
  azure: {
    title: 'Azure (AKS)',
    clusterProgram: 'infra/cluster-aks',
    docsPage: 'docs/clusters/aks.md',
    ciLogin: 'azure-oidc',
    requiredVariables: [
      'AZURE_CLIENT_ID',
      'AZURE_TENANT_ID',
      'AZURE_SUBSCRIPTION_ID',
      'AZURE_STORAGE_ACCOUNT',
    ],
  },
  none: {
    title: 'no cloud login (a cluster you bring, reached by kubeconfig)',
    ciLogin: 'none',
    requiredVariables: [],
  },
} as const satisfies Record<string, CloudEntry>;

/** One of the clouds in {@link clouds}. */
export type Cloud = keyof typeof clouds;

/** The clouds whose cluster program the template ships. */
export type ClusterCloud = {
  [C in Cloud]: (typeof clouds)[C] extends { clusterProgram: string } ? C : never;
}[Cloud];

/**
 * The Pulumi program name of each cluster program, the folder's name under `infra/`.
 * @example const program: ClusterPulumiProgram = 'cluster-gke';
 */
export type ClusterPulumiProgram = {
  [C in ClusterCloud]: (typeof clouds)[C]['clusterProgram'] extends `infra/${infer Name}`
    ? Name
    : never;
}[ClusterCloud];

/**
 * Every cloud's name, `none` last.
 * @example cloudNames // ['aws', 'gcp', 'azure', 'none']
 */
export const cloudNames = Object.keys(clouds) as Cloud[];

/**
 * The clouds with a cluster program, which `npm run init` offers.
 * @example clusterClouds // ['aws', 'gcp', 'azure']
 */
export const clusterClouds = cloudNames.filter(
  (cloud): cloud is ClusterCloud => 'clusterProgram' in clouds[cloud],
);

/**
 * The cluster program of a cloud that has one.
 * @example clusterProgram('azure') // 'infra/cluster-aks'
 */
export function clusterProgram(cloud: ClusterCloud): string {
  return clouds[cloud].clusterProgram;
}

/**
 * Whether a text names a cloud.
 * @example isCloud('mars') // false
 */
export function isCloud(value: string): value is Cloud {
  return Object.hasOwn(clouds, value);
}
