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
  githubRepositoryOfRemote,
  githubRepositorySchema,
  type PackageRepository,
  packageRepository,
  templateRepository,
} from './github-repository.ts';
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
  productNameMaxLength,
  productNameProblem,
  productNames,
  productNamesOf,
  pulumiProject,
  stackReference,
} from './product-names.ts';
export { renameProduct } from './product-rename.ts';
export {
  findRepositoryRoot,
  listWorkspaceDirs,
  RepositoryNotFoundError,
  repositoryFiles,
  serviceDir,
  serviceManifestPath,
} from './repository.ts';
export {
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
  serviceUrl,
  serviceUrlVariable,
} from './service-runtime.ts';
