import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { createAddonNamespace } from './addon-namespace.js';
import { defaultIngressClassName } from './ingress-controller.js';
import { type PodSecurityLevel, platformLabels } from './platform-labels.js';
import { certManagerChart } from './versions.js';

/** Let's Encrypt's production ACME directory. */
export const letsEncryptProduction = 'https://acme-v02.api.letsencrypt.org/directory';
/** Let's Encrypt's staging directory: untrusted certificates, generous rate limits. */
export const letsEncryptStaging = 'https://acme-staging-v02.api.letsencrypt.org/directory';

/** Arguments of {@link CertManager}. */
export interface CertManagerArgs {
  /** Address Let's Encrypt sends expiry and account notices to. */
  readonly email: string;
  /** ACME directory URL. Default: {@link letsEncryptProduction}. */
  readonly acmeServer?: string;
  /** Name of the ClusterIssuer that Ingress objects reference. Default: `letsencrypt`. */
  readonly issuerName?: string;
  /** IngressClass the HTTP-01 solver answers through. Default: `nginx`. */
  readonly ingressClassName?: string;
  /** Pod Security level enforced in the `cert-manager` namespace. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
}

/**
 * cert-manager with a Let's Encrypt ClusterIssuer that solves HTTP-01
 * challenges through the ingress controller, so a public service's Ingress
 * only needs the `cert-manager.io/cluster-issuer` annotation to get TLS.
 *
 * @example
 * new CertManager('cert-manager', { email: 'platform@example.com', podSecurityVersion: 'v1.35' }, { provider });
 */
export class CertManager extends pulumi.ComponentResource {
  /** The ClusterIssuer name to put in `cert-manager.io/cluster-issuer`. */
  readonly issuerName: pulumi.Output<string>;

  constructor(name: string, args: CertManagerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('slipway:platform:CertManager', name, {}, opts);
    const issuerName = args.issuerName ?? 'letsencrypt';
    const namespace = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: 'cert-manager',
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
      },
      { parent: this },
    );
    const highlyAvailable = {
      replicaCount: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    };

    const release = new k8s.helm.v3.Release(
      name,
      {
        name: 'cert-manager',
        namespace: namespace.metadata.name,
        chart: certManagerChart.chart,
        version: certManagerChart.version,
        repositoryOpts: { repo: certManagerChart.repo },
        values: {
          // keep: uninstalling the chart must not delete every Certificate in the cluster.
          crds: { enabled: true, keep: true },
          ...highlyAvailable,
          webhook: highlyAvailable,
          cainjector: highlyAvailable,
        },
      },
      { parent: this },
    );

    new k8s.apiextensions.CustomResource(
      `${name}-issuer`,
      {
        apiVersion: 'cert-manager.io/v1',
        kind: 'ClusterIssuer',
        metadata: {
          name: issuerName,
          labels: platformLabels(issuerName, issuerName, 'certificate-issuer'),
        },
        spec: {
          acme: {
            server: args.acmeServer ?? letsEncryptProduction,
            email: args.email,
            privateKeySecretRef: { name: `${issuerName}-account-key` },
            solvers: [
              {
                http01: {
                  ingress: { ingressClassName: args.ingressClassName ?? defaultIngressClassName },
                },
              },
            ],
          },
        },
      },
      // The ClusterIssuer kind exists only once the chart has installed its CRDs.
      { parent: this, dependsOn: [release] },
    );

    this.issuerName = pulumi.output(issuerName);
    this.registerOutputs({ issuerName: this.issuerName });
  }
}
