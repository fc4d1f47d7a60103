export { formatByteQuantity, parseByteQuantity } from './byte-quantity.ts';
export {
  type CallDeclaration,
  callDeclarationSchema,
  resolveCallPolicies,
} from './call-declarations.ts';
export { checkManifests, type ManifestCheck } from './check-manifests.ts';
export { isAnyAddress } from './cidr-prefix.ts';
export {
  type DataServiceSecret,
  dataServiceSecrets,
  type ResolvedCache,
  type ResolvedDataServices,
  type ResolvedPostgres,
  resolveDataServices,
} from './data-services.ts';
export { manifestWarnings, widestIpv4Prefix, widestIpv6Prefix } from './egress-width.ts';
export {
  type EnvironmentProfile,
  environmentProfiles,
  serviceReplicas,
  type ZoneSpreadPolicy,
} from './environment-profiles.ts';
export { formatProblem } from './format-problem.ts';
export { type LoadManifestsOptions, loadServiceManifests } from './load-manifests.ts';
export { ManifestError } from './manifest-error.ts';
export type { ManifestProblem } from './manifest-problem.ts';
export { type ResolvedObjectives, resolveObjectives } from './objectives.ts';
export {
  type ManifestSource,
  parseServiceManifest,
  validateServiceManifest,
} from './parse-manifest.ts';
export {
  type Environment,
  environments,
  manifestDefaults,
  type ServiceManifest,
  type ServiceManifestInput,
  serviceManifestSchema,
  serviceNameSchema,
} from './schema.ts';
export { resolveServiceConfig } from './service-urls.ts';
export type { SourceLocation } from './source-location.ts';
export { tmpVolumeHeadroom, tmpVolumeSizeLimit } from './tmp-volume.ts';
export {
  type LocatedManifest,
  type ValidateCatalogOptions,
  validateCatalog,
} from './validate-catalog.ts';
