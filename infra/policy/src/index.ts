export { checkGatewayRoutes } from './check-gateway-routes.js';
export { checkImageReference } from './check-image-reference.js';
export { checkNamespace } from './check-namespace.js';
export { checkObjectSet, type ObjectSetOptions } from './check-object-set.js';
export { checkRestrictedPodSecurity } from './check-restricted-pod-security.js';
export { checkStandardLabels, standardLabelKeys } from './check-standard-labels.js';
export {
  checkWorkloadStandards,
  type WorkloadStandardsOptions,
} from './check-workload-standards.js';
export {
  type CrdSchemaError,
  type CrdSchemaIndex,
  crdSchemaEntry,
  crdSchemaIndex,
  validateCustomResource,
} from './crd-schemas.js';
export { type LabelSelectorLike, matchesSelector } from './label-selector.js';
export { findPodTemplate, type PodSpecLike, type PodTemplate } from './pod-template.js';
export {
  describeObject,
  formatViolations,
  isKubernetesObject,
  type KubernetesObject,
  type PolicyViolation,
} from './policy-violation.js';
export {
  hasKubernetesSchema,
  kubernetesSchemaVersion,
  validateKubernetesObject,
} from './validate-kubernetes-object.js';
