import type * as pulumi from '@pulumi/pulumi';

/**
 * Resource options of what goes onto the cluster: the Kubernetes provider, and the resources
 * that must exist first (nodes, the Pod Identity agent) as a list that callers extend.
 */
export type ClusterObjectOptions = pulumi.CustomResourceOptions & {
  readonly dependsOn: pulumi.Resource[];
};
