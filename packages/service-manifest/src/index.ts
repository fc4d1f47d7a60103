export { checkManifests, type ManifestCheck } from './check-manifests.js';
export { isAnyAddress } from './cidr-prefix.js';
export { manifestWarnings, widestIpv4Prefix, widestIpv6Prefix } from './egress-width.js';
export { formatProblem } from './format-problem.js';
export { type LoadManifestsOptions, loadServiceManifests } from './load-manifests.js';
export { ManifestError } from './manifest-error.js';
export type { ManifestProblem } from './manifest-problem.js';
export {
  type ManifestSource,
  parseServiceManifest,
  validateServiceManifest,
} from './parse-manifest.js';
export {
  type Environment,
  environments,
  manifestDefaults,
  type ServiceManifest,
  type ServiceManifestInput,
  serviceManifestSchema,
  serviceNameSchema,
} from './schema.js';
export { resolveServiceConfig } from './service-urls.js';
export type { SourceLocation } from './source-location.js';
export {
  type LocatedManifest,
  type ValidateCatalogOptions,
  validateCatalog,
} from './validate-catalog.js';
