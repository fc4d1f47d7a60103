export { checkGatewayRoutes } from './check-gateway-routes.ts';
export { checkImageReference } from './check-image-reference.ts';
export { checkNamespace } from './check-namespace.ts';
export {
  checkObjectSet,
  type ObjectSetOptions,
  type PodOutsideTheSet,
} from './check-object-set.ts';
export { checkRestrictedPodSecurity } from './check-restricted-pod-security.ts';
export { checkStandardLabels, standardLabelKeys } from './check-standard-labels.ts';
export {
  checkWorkloadStandards,
  type WorkloadStandardsOptions,
} from './check-workload-standards.ts';
export {
  type CrdSchemaError,
  type CrdSchemaIndex,
  crdSchemaEntry,
  crdSchemaIndex,
  validateCustomResource,
} from './crd-schemas.ts';
export { type LabelSelectorLike, matchesSelector } from './label-selector.ts';
export { findPodTemplate, type PodSpecLike, type PodTemplate } from './pod-template.ts';
export {
  describeObject,
  formatViolations,
  isKubernetesObject,
  type KubernetesObject,
  type PolicyViolation,
} from './policy-violation.ts';
export {
  hasKubernetesSchema,
  kubernetesSchemaVersion,
  validateKubernetesObject,
} from './validate-kubernetes-object.ts';
