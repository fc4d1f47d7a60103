import * as containerservice from '@pulumi/azure-native/containerservice/index.js';
import * as pulumi from '@pulumi/pulumi';

/** Which cluster {@link userKubeconfig} reads. */
export interface UserKubeconfigArgs {
  readonly clusterName: string;
  readonly resourceGroupName: pulumi.Input<string>;
  readonly resourceName: pulumi.Input<string>;
}

/**
 * The cluster's user kubeconfig, decoded and kept secret. It is the `exec` format: kubectl and
 * the Pulumi Kubernetes provider run `kubelogin` to sign in with Entra ID, since the cluster has
 * no local accounts.
 *
 * @example const kubeconfig = userKubeconfig({ clusterName, resourceGroupName: group.name, resourceName: cluster.name }, this);
 */
export function userKubeconfig(
  args: UserKubeconfigArgs,
  parent: pulumi.Resource,
): pulumi.Output<string> {
  const credentials = containerservice.listManagedClusterUserCredentialsOutput(
    {
      resourceGroupName: args.resourceGroupName,
      resourceName: args.resourceName,
      format: 'exec',
    },
    { parent },
  );
  return pulumi.secret(
    credentials.kubeconfigs.apply((kubeconfigs) => {
      const encoded = kubeconfigs[0]?.value;
      if (!encoded) {
        throw new Error(`AKS returned no kubeconfig for cluster ${args.clusterName}`);
      }
      return Buffer.from(encoded, 'base64').toString('utf8');
    }),
  );
}
