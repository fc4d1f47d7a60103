import * as pulumi from '@pulumi/pulumi';

/** What a kubeconfig needs to know about a GKE cluster. */
export interface GkeKubeconfigArgs {
  readonly name: pulumi.Input<string>;
  /** The control plane's DNS-based endpoint (`gke-<id>.<region>.gke.goog`), without scheme. */
  readonly dnsEndpoint: pulumi.Input<string>;
}

/**
 * Builds a kubeconfig for the cluster's DNS-based endpoint that authenticates through
 * `gke-gcloud-auth-plugin` (short-lived Google tokens, no static credential in the file),
 * wrapped as a Pulumi secret. It carries no `certificate-authority-data`: the DNS endpoint
 * serves a certificate from Google's public CA, which the system trust store verifies (the
 * cluster CA signs only the IP endpoints, which are off).
 *
 * @example
 * export const kubeconfig = gkeKubeconfig({ name: cluster.name, dnsEndpoint });
 */
export function gkeKubeconfig(args: GkeKubeconfigArgs): pulumi.Output<string> {
  const config = pulumi.all([args.name, args.dnsEndpoint]).apply(([name, dnsEndpoint]) =>
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name, cluster: { server: `https://${dnsEndpoint}` } }],
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
