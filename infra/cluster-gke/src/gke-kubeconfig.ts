import * as pulumi from '@pulumi/pulumi';

/** What a kubeconfig needs to know about a GKE cluster. */
export interface GkeKubeconfigArgs {
  readonly name: pulumi.Input<string>;
  readonly endpoint: pulumi.Input<string>;
  readonly clusterCaCertificate: pulumi.Input<string>;
}

/**
 * Builds a kubeconfig that authenticates through `gke-gcloud-auth-plugin`
 * (short-lived Google tokens, no static credential in the file), wrapped as a
 * Pulumi secret.
 *
 * @example
 * export const kubeconfig = gkeKubeconfig({ name: cluster.name, endpoint: cluster.endpoint, clusterCaCertificate: cluster.masterAuth.clusterCaCertificate });
 */
export function gkeKubeconfig(args: GkeKubeconfigArgs): pulumi.Output<string> {
  const config = pulumi
    .all([args.name, args.endpoint, args.clusterCaCertificate])
    .apply(([name, endpoint, ca]) =>
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [
          { name, cluster: { server: `https://${endpoint}`, 'certificate-authority-data': ca } },
        ],
        contexts: [{ name, context: { cluster: name, user: name } }],
        'current-context': name,
        users: [
          {
            name,
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1beta1',
                command: 'gke-gcloud-auth-plugin',
                provideClusterInfo: true,
                installHint:
                  'Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin',
              },
            },
          },
        ],
      }),
    );
  return pulumi.secret(config);
}
