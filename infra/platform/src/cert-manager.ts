import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { ServiceAccountIdentity, type WorkloadIdentity } from '@slipway/infra-workload-identity';
import { componentType } from '@slipway/platform-contract';
import { type Dns01Settings, dns01Solver } from './acme-solvers.ts';
import { createAddonNamespace } from './addon-namespace.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { certManagerGrants } from './cert-manager-grants.ts';
import { certManagerNetworkAccess } from './cert-manager-network-policies.ts';
import { helmChartArgs } from './helm-chart.ts';
import { type PodSecurityLevel, platformLabels } from './platform-labels.ts';
import { certManagerChart } from './versions.ts';

/** cert-manager's controller ServiceAccount, which the chart creates and the cloud identity is bound to. */
const certManagerServiceAccountName = 'cert-manager';

/** Let's Encrypt's production ACME directory. */
export const letsEncryptProduction = 'https://acme-v02.api.letsencrypt.org/directory';
/** Let's Encrypt's staging directory: untrusted certificates, generous rate limits. */
export const letsEncryptStaging = 'https://acme-staging-v02.api.letsencrypt.org/directory';
/**
 * Let's Encrypt's directories by the name a stack picks one with (`certManager.letsEncrypt`);
 * production unless a stack asks for staging.
 */
export const letsEncryptDirectories = {
  production: letsEncryptProduction,
  staging: letsEncryptStaging,
} as const;
/** A name of {@link letsEncryptDirectories}. */
export type LetsEncryptDirectory = keyof typeof letsEncryptDirectories;

/** Arguments of {@link CertManager}. */
export interface CertManagerArgs {
  /** Address Let's Encrypt sends expiry and account notices to. */
  readonly email: string;
  /** ACME directory URL. Default: {@link letsEncryptProduction}. */
  readonly acmeServer?: string;
  /** Name of the ClusterIssuer Gateways reference. Default: `letsencrypt`. */
  readonly issuerName?: string;
  /** The DNS-01 solver: the cloud DNS service the challenge records go to. */
  readonly dns01: Dns01Settings;
  /**
   * The cluster's workload identity: cert-manager's ServiceAccount gets a cloud identity allowed
   * to edit the DNS-01 zone. Default: none (a cluster without a cluster stack).
   */
  readonly workloadIdentity?: WorkloadIdentity;
  /** Annotations on cert-manager's ServiceAccount, over those of its identity. Default: none. */
  readonly serviceAccountAnnotations?: Readonly<Record<string, string>>;
  /** Extra labels on cert-manager's controller pods (Azure workload identity needs one). Default: none. */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** What the release waits for: the Gateway API CRDs, which cert-manager looks for at start-up. Default: none. */
  readonly installAfter?: readonly pulumi.Resource[];
  /** Pod Security level enforced in the `cert-manager` namespace. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
  /** Where the API server is, for the namespace's egress policies. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/**
 * cert-manager with its Gateway API support on and a Let's Encrypt ClusterIssuer that solves
 * DNS-01 challenges in the cloud's DNS, so a Gateway annotated with
 * `cert-manager.io/cluster-issuer` gets a (wildcard) certificate for each HTTPS listener.
 * Install it after the Gateway API CRDs: cert-manager looks for them only at start-up.
 *
 * @example
 * new CertManager('cert-manager', { email: 'platform@example.com', dns01: { provider: 'route53', region: 'eu-west-1' }, podSecurityVersion: 'v1.35', apiServer }, { provider });
 */
export class CertManager extends pulumi.ComponentResource {
  /** The ClusterIssuer name to put in `cert-manager.io/cluster-issuer`. */
  readonly issuerName: pulumi.Output<string>;
  /** The same name, known now. */
  readonly issuer: string;

  constructor(name: string, args: CertManagerArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'CertManager'), name, {}, opts);
    const issuerName = args.issuerName ?? 'letsencrypt';
    const [namespace, ...policies] = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: 'cert-manager',
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
        network: certManagerNetworkAccess(args.dns01.provider),
        apiServer: args.apiServer,
      },
      { parent: this },
    );
    const highlyAvailable = {
      replicaCount: 2,
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
    };

    const identity = args.workloadIdentity
      ? new ServiceAccountIdentity(
          `${name}-identity`,
          {
            identity: args.workloadIdentity,
            namespace: 'cert-manager',
            serviceAccount: certManagerServiceAccountName,
          },
          { parent: this },
        )
      : undefined;
    if (identity && args.workloadIdentity) {
      const grants = certManagerGrants(args.workloadIdentity, args.dns01);
      for (const [grantName, grant] of Object.entries(grants)) identity.grant(grantName, grant);
    }
    const annotations = identity?.serviceAccountAnnotations.apply((bound) => ({
      ...bound,
      ...args.serviceAccountAnnotations,
    }));

    const release = new k8s.helm.v3.Release(
      name,
      {
        name: 'cert-manager',
        namespace: namespace.metadata.name,
        ...helmChartArgs(certManagerChart),
        values: {
          // keep: uninstalling the chart must not delete every Certificate in the cluster.
          crds: { enabled: true, keep: true },
          config: {
            apiVersion: 'controller.config.cert-manager.io/v1alpha1',
            kind: 'ControllerConfiguration',
            gatewayAPI: { enabled: true },
          },
          serviceAccount: {
            name: certManagerServiceAccountName,
            annotations: annotations ?? { ...args.serviceAccountAnnotations },
          },
          podLabels: { ...identity?.podLabels, ...args.podLabels },
          ...highlyAvailable,
          webhook: highlyAvailable,
          cainjector: highlyAvailable,
        },
      },
      // The identity, its grant and the namespace's policies first, so the controller starts with
      // its credentials and its network.
      {
        parent: this,
        dependsOn: [...(args.installAfter ?? []), ...policies, ...(identity ? [identity] : [])],
      },
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
            solvers: [dns01Solver(args.dns01)],
          },
        },
      },
      // The ClusterIssuer kind exists only once the chart has installed its CRDs.
      { parent: this, dependsOn: [release] },
    );

    this.issuer = issuerName;
    this.issuerName = pulumi.output(issuerName);
    this.registerOutputs({ issuerName: this.issuerName });
  }
}
