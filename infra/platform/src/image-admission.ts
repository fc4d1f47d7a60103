import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { createAddonNamespace } from './addon-namespace.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { helmChartArgs } from './helm-chart.ts';
import {
  environmentNamespaceSelector,
  imageAdmissionBindingSpec,
  imageAdmissionPolicyName,
  imageAdmissionPolicySpec,
} from './image-admission-specs.ts';
import { type PodSecurityLevel, platformLabels } from './platform-labels.ts';
import { policyControllerNetworkAccess } from './policy-controller-network-policies.ts';
import { signaturePolicyName, signaturePolicySpec } from './signature-policy-specs.ts';
import { policyControllerChart } from './versions.ts';

/** The namespace policy-controller runs in, as its documentation installs it. */
export const policyControllerNamespace = 'cosign-system';

/** Where policy-controller runs: its namespace's Pod Security and the API server it talks to. */
interface VerifierArgs {
  /** Pod Security level enforced in policy-controller's namespace. */
  readonly podSecurityLevel: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
  /** Where the API server is, for the namespace's egress policies. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/** Arguments of {@link ImageAdmission}. */
export interface ImageAdmissionArgs {
  /** The platform's image registry, e.g. `ghcr.io/acme`: the only one services pull from. */
  readonly registry: string;
  /** `<owner>/<repo>` whose deploy workflow signs the images' build provenance. */
  readonly repository: string;
  /** Install policy-controller, verifying each image's build provenance. Default: not installed. */
  readonly verifier?: VerifierArgs;
}

/**
 * Admission in the environment namespaces: a ValidatingAdmissionPolicy (no webhook) refuses any
 * image not pinned by digest or not from the platform's registry, and, with a `verifier`,
 * Sigstore's policy-controller refuses any image without a build provenance attestation
 * from this repository's deploy workflow on main. See docs/deploying/delivery.md.
 * @example new ImageAdmission('admission', { registry: 'ghcr.io/acme', repository: 'acme/platform', verifier: { podSecurityLevel: 'restricted', podSecurityVersion: 'v1.35', apiServer } }, { parent });
 */
export class ImageAdmission extends pulumi.ComponentResource {
  constructor(name: string, args: ImageAdmissionArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'ImageAdmission'), name, {}, opts);
    const labels = (component: string) =>
      platformLabels(imageAdmissionPolicyName, imageAdmissionPolicyName, component);
    const policy = new k8s.admissionregistration.v1.ValidatingAdmissionPolicy(
      `${name}-policy`,
      {
        metadata: { name: imageAdmissionPolicyName, labels: labels('admission-policy') },
        spec: imageAdmissionPolicySpec(args.registry),
      },
      { parent: this },
    );
    new k8s.admissionregistration.v1.ValidatingAdmissionPolicyBinding(
      `${name}-binding`,
      {
        metadata: { name: imageAdmissionPolicyName, labels: labels('admission-policy') },
        spec: imageAdmissionBindingSpec(),
      },
      { parent: this, dependsOn: [policy] },
    );
    if (args.verifier) this.createVerifier(name, args, args.verifier);
    this.registerOutputs({});
  }

  private createVerifier(name: string, args: ImageAdmissionArgs, verifier: VerifierArgs): void {
    const [namespace, ...policies] = createAddonNamespace(
      `${name}-policy-controller-namespace`,
      {
        namespace: policyControllerNamespace,
        ...verifier,
        network: policyControllerNetworkAccess(),
      },
      { parent: this },
    );
    const release = new k8s.helm.v3.Release(
      `${name}-policy-controller`,
      {
        name: 'policy-controller',
        namespace: namespace.metadata.name,
        ...helmChartArgs(policyControllerChart),
        values: {
          webhook: {
            replicaCount: 2,
            // Unreachable verifier, no pod: an image nobody could check is not run.
            failurePolicy: 'Fail',
            // The environment namespaces alone, by the labels the image policy binds to.
            namespaceSelector: environmentNamespaceSelector,
            // The restricted Pod Security profile (the chart leaves the pod's part off).
            securityContext: {
              enabled: true,
              runAsNonRoot: true,
              runAsUser: 65532,
              runAsGroup: 65532,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            podSecurityContext: {
              enabled: true,
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: ['ALL'] },
            },
          },
        },
      },
      { parent: this, dependsOn: policies },
    );
    new k8s.apiextensions.CustomResource(
      `${name}-signature-policy`,
      {
        apiVersion: 'policy.sigstore.dev/v1beta1',
        kind: 'ClusterImagePolicy',
        metadata: {
          name: signaturePolicyName,
          labels: platformLabels(signaturePolicyName, policyControllerNamespace, 'image-policy'),
        },
        spec: signaturePolicySpec(args.registry, args.repository),
      },
      { parent: this, dependsOn: [release] },
    );
  }
}
