export {
  cloudLoginVariables,
  type DeployEnvironment,
  deployEnvironments,
  environmentSecrets,
  repositoryVariables,
  repositoryVariablesOf,
} from './ci-settings.ts';
export {
  type Cloud,
  type CloudEntry,
  type ClusterCloud,
  cloudNames,
  clouds,
  clusterClouds,
  clusterProgram,
  isCloud,
} from './clouds.ts';
export {
  backupRetentionDaysRange,
  type CacheSettings,
  type DataServiceKind,
  type DataServiceSize,
  dataServiceDefaults,
  dataServiceKinds,
  dataServiceSizes,
  dataServiceVariables,
  type PostgresMajorVersion,
  type PostgresSettings,
  postgresMajorVersions,
} from './data-services.ts';
export {
  githubRepositoryOfRemote,
  githubRepositorySchema,
  type PackageRepository,
  packageRepository,
  templateRepository,
} from './github-repository.ts';
export {
  type AlertSeverity,
  alertSeverities,
  latencyBucketsMs,
  objectiveBounds,
  objectiveDefaults,
  objectiveWindowDays,
} from './objectives.ts';
export {
  formatPlatformFile,
  isRegistry,
  ownerPlaceholder,
  type PlatformFile,
  PlatformFileError,
  parsePlatformFile,
  readPlatformFile,
  scopeSchema,
  templatePlatformFile,
} from './platform-file.ts';
export {
  ciVariable,
  clusterName,
  componentType,
  defaultProductName,
  environmentNamespace,
  type ProductNames,
  type PulumiProgram,
  previewNamespace,
  productNameMaxLength,
  productNameProblem,
  productNames,
  productNamesOf,
  pulumiProject,
  stackReference,
} from './product-names.ts';
export {
  findRepositoryRoot,
  listWorkspaceDirs,
  RepositoryNotFoundError,
  repositoryFiles,
  serviceDir,
  serviceManifestPath,
} from './repository.ts';
export {
  autoscalingBehaviorDefaults,
  callPolicyDefaults,
  callPolicyVariable,
  gatewayTrafficDefaults,
  loadSheddingDefaults,
  loadSheddingVariables,
} from './resilience.ts';
export {
  calleeUrl,
  localLogLevel,
  loopbackHost,
  metricsEndpoint,
  type PlatformVariable,
  platformSetVariables,
  platformVariables,
  type RuntimeService,
  type RuntimeTarget,
  type ServiceEnvironmentInput,
  secretFileSuffix,
  secretFileVariable,
  secretMountPath,
  serverPaths,
  serviceEnvironment,
  servicePortName,
  serviceUrlVariable,
} from './service-runtime.ts';
export { telemetry } from './telemetry.ts';
