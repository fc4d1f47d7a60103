import type * as k8s from '@pulumi/kubernetes';
import { admittedImageExpression } from '@slipway/infra-policy/image-admission-rule';
import { productNames } from '@slipway/platform-contract';

type PolicySpec = k8s.types.input.admissionregistration.v1.ValidatingAdmissionPolicySpec;
type BindingSpec = k8s.types.input.admissionregistration.v1.ValidatingAdmissionPolicyBindingSpec;

/** The name of the policy and of its binding: one per cluster. */
export const imageAdmissionPolicyName = `${productNames.name}-pinned-images`;

/**
 * The environment namespaces, by the labels EnvironmentNamespace puts on each (add-on
 * namespaces carry component `addon`, so their charts' tagged images stay out of scope).
 */
export const environmentNamespaceSelector = {
  matchLabels: {
    'app.kubernetes.io/part-of': productNames.partOf,
    'app.kubernetes.io/component': 'namespace',
  },
} as const;

/**
 * The label policy-controller's chart selects namespaces by: its default values carry
 * `webhook.namespaceSelector.matchExpressions` on it, and Helm deep-merges our selector into
 * them, so the webhook needs both. Every environment namespace carries it, whatever the merge.
 */
export const signatureCheckLabels = { 'policy.sigstore.dev/include': 'true' } as const;

/**
 * Pods and every controller with a pod template. Pods alone would be enough to keep an image
 * out (every controller ends in Pods), but a Deployment with a bad image would then be accepted
 * and its ReplicaSet would fail quietly; refusing the Deployment itself fails the deploy at once.
 * `kubectl debug` adds ephemeral containers through the `pods/ephemeralcontainers` subresource,
 * which a rule on `pods` does not match; its object is the whole Pod, so the same rule applies.
 */
const checkedResources = [
  { apiGroups: [''], resources: ['pods'], operations: ['CREATE', 'UPDATE'] },
  { apiGroups: [''], resources: ['pods/ephemeralcontainers'], operations: ['UPDATE'] },
  {
    apiGroups: ['apps'],
    resources: ['deployments', 'replicasets', 'statefulsets', 'daemonsets'],
    operations: ['CREATE', 'UPDATE'],
  },
  { apiGroups: ['batch'], resources: ['jobs'], operations: ['CREATE', 'UPDATE'] },
];

/**
 * The ValidatingAdmissionPolicy that refuses, in the environment namespaces, any pod (or pod
 * template) with a container, init container or ephemeral container whose image is not pinned
 * by digest or not from the platform's registry. The rule is infra-policy's
 * `admittedImageExpression`, the CEL twin of the check the tests run (`checkAdmittedImage`).
 * @example imageAdmissionPolicySpec('ghcr.io/acme')
 */
export function imageAdmissionPolicySpec(registry: string): PolicySpec {
  return {
    failurePolicy: 'Fail',
    matchConstraints: {
      resourceRules: checkedResources.map((rule) => ({ ...rule, apiVersions: ['v1'] })),
    },
    variables: [
      {
        name: 'podSpec',
        expression: "object.kind == 'Pod' ? object.spec : object.spec.template.spec",
      },
      {
        name: 'images',
        expression:
          'variables.podSpec.containers.map(c, c.image)' +
          ' + (has(variables.podSpec.initContainers) ? variables.podSpec.initContainers.map(c, c.image) : [])' +
          ' + (has(variables.podSpec.ephemeralContainers) ? variables.podSpec.ephemeralContainers.map(c, c.image) : [])',
      },
    ],
    validations: [
      {
        expression: `variables.images.all(image, ${admittedImageExpression('image', registry)})`,
        messageExpression:
          `'images must come from ${registry}/ and be pinned by digest (@sha256:<64 hex>); refused: ' + ` +
          `variables.images.filter(image, !(${admittedImageExpression('image', registry)})).join(', ')`,
        reason: 'Forbidden',
      },
    ],
  };
}

/**
 * The binding that puts {@link imageAdmissionPolicySpec} in force (`Deny`) in the environment
 * namespaces only.
 * @example imageAdmissionBindingSpec()
 */
export function imageAdmissionBindingSpec(): BindingSpec {
  return {
    policyName: imageAdmissionPolicyName,
    validationActions: ['Deny'],
    matchResources: { namespaceSelector: environmentNamespaceSelector },
  };
}
