export {
  cloudLoginVariables,
  type DeployEnvironment,
  deployEnvironments,
  environmentSecrets,
  repositoryVariables,
  repositoryVariablesOf,
} from './ci-settings.js';
export {
  type Cloud,
  type CloudEntry,
  type ClusterCloud,
  cloudNames,
  clouds,
  clusterClouds,
  clusterProgram,
  isCloud,
} from './clouds.js';
export {
  githubRepositoryOfRemote,
  githubRepositorySchema,
  type PackageRepository,
  packageRepository,
  templateRepository,
} from './github-repository.js';
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
} from './platform-file.js';
export {
  ciVariable,
  clusterName,
  componentType,
  defaultProductName,
  environmentNamespace,
  type ProductNames,
  type PulumiProgram,
  productNameMaxLength,
  productNameProblem,
  productNames,
  productNamesOf,
  pulumiProject,
  stackReference,
} from './product-names.js';
export { renameProduct } from './product-rename.js';
export {
  findRepositoryRoot,
  listWorkspaceDirs,
  RepositoryNotFoundError,
  repositoryFiles,
  serviceDir,
  serviceManifestPath,
} from './repository.js';
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
} from './service-runtime.js';
