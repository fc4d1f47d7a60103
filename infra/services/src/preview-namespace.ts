import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { defaultPodSecurityVersion } from '@slipway/infra-platform/versions';
import { componentType, productNames } from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import { previewLimitRangeSpec, previewQuotaSpec } from './preview-quota-specs.ts';
import type { PreviewSettings } from './preview-settings.ts';

/** The label every preview namespace carries: the pull request's number. `-l <key>` finds them all. */
const previewLabel = `${productNames.name}.dev/preview`;
/** When the preview may be collected: the annotation holds the ISO instant, the label (label values take no `:`) its Unix seconds. */
const expiresAtKey = `${productNames.name}.dev/expires-at`;

/**
 * The labels and annotations of a preview namespace: the standard ones, Pod Security `restricted`
 * in every mode (pinned to the platform's version, as the environment namespaces), the pull
 * request's number and its expiry.
 * @example previewNamespaceMetadata(preview).labels[previewLabel] // '12'
 */
function previewNamespaceMetadata(preview: PreviewSettings) {
  const podSecurity = Object.fromEntries(
    ['enforce', 'audit', 'warn'].flatMap((mode) => [
      [`pod-security.kubernetes.io/${mode}`, 'restricted'],
      [`pod-security.kubernetes.io/${mode}-version`, defaultPodSecurityVersion],
    ]),
  );
  return {
    name: preview.namespace,
    labels: {
      'app.kubernetes.io/name': preview.namespace,
      'app.kubernetes.io/instance': preview.namespace,
      'app.kubernetes.io/component': 'preview',
      'app.kubernetes.io/part-of': productNames.partOf,
      'app.kubernetes.io/managed-by': 'pulumi',
      ...podSecurity,
      [previewLabel]: String(preview.pr),
      [expiresAtKey]: String(Math.floor(Date.parse(preview.expiresAt) / 1000)),
    },
    annotations: { [expiresAtKey]: preview.expiresAt },
  };
}

/** Arguments of {@link PreviewNamespace}. */
export interface PreviewNamespaceArgs {
  /** The preview, from the stack config; required. */
  readonly preview: PreviewSettings;
  /** The manifests of the services it deploys: the quota and limit range are derived from them; required. */
  readonly manifests: readonly ServiceManifest[];
}

/**
 * A pull request's namespace: restricted Pod Security, default-deny for ingress and egress (each
 * service's own policies then allow what its manifest declares), a ResourceQuota and a LimitRange
 * derived from the deployed manifests, and the expiry `npm run preview -- gc` reads. The platform
 * creates the environment namespaces; a preview's is the preview stack's own, so destroying the
 * stack removes it.
 * @example new PreviewNamespace('preview', { preview, manifests }, { provider });
 */
export class PreviewNamespace extends pulumi.ComponentResource {
  /** Every object of the namespace, the namespace first; services depend on these. */
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: PreviewNamespaceArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('services', 'PreviewNamespace'), name, {}, opts);
    const { preview, manifests } = args;
    const metadata = previewNamespaceMetadata(preview);
    const namespace = new k8s.core.v1.Namespace(name, { metadata }, { parent: this });
    const inside = (object: string) => ({
      name: object,
      namespace: preview.namespace,
      labels: { ...metadata.labels, 'app.kubernetes.io/name': object },
    });
    const child = { parent: this, dependsOn: [namespace] };
    this.resources = [
      namespace,
      new k8s.networking.v1.NetworkPolicy(
        `${name}-default-deny`,
        // An empty selector and no rules: nothing in, nothing out, until a service's policy allows it.
        {
          metadata: inside('default-deny-all'),
          spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
        },
        child,
      ),
      new k8s.core.v1.ResourceQuota(
        `${name}-quota`,
        { metadata: inside('preview-quota'), spec: previewQuotaSpec(manifests) },
        child,
      ),
      new k8s.core.v1.LimitRange(
        `${name}-limits`,
        { metadata: inside('preview-limits'), spec: previewLimitRangeSpec(manifests) },
        child,
      ),
    ];
    this.registerOutputs({});
  }
}
