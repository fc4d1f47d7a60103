export { type ActionlintFinding, actionlint } from './actionlint.js';
export {
  type CliFlag,
  type CliSpec,
  type CliValues,
  formatHelp,
  optionalString,
  parseCli,
  requireString,
  runCli,
  UsageError,
  writeGithubOutputs,
} from './cli.js';
export { type CommandContext, processContext } from './commands/command-context.js';
export {
  type CommitSha,
  InvalidShaError,
  isCommitSha,
  nullSha,
  parseCommitSha,
} from './commit-sha.js';
export { owningWorkspace, workspaceClosure } from './dependency-graph.js';
export {
  type AffectedInput,
  type AffectedServices,
  type ChangeDetection,
  type DetectOptions,
  detectChangedServices,
  imageGlobalInputs,
  selectAffectedServices,
} from './detect-changes.js';
export {
  type DockerInstruction,
  type DockerStage,
  execForm,
  expandArgs,
  type ParsedDockerfile,
  parseDockerfile,
} from './dockerfile.js';
export {
  checkDockerfile,
  type DockerfileProblem,
  type DockerfileRuleOptions,
} from './dockerfile-rules.js';
export { changedFiles, commitExists, git, isAncestor } from './git.js';
export {
  decideImageAction,
  dockerRegistryClient,
  ensureImage,
  type ImageAction,
  type ImageFacts,
  type RegistryClient,
} from './image-action.js';
export { type ImagePlanEntry, imagesAt, type PlanImagesInput, planImages } from './image-plan.js';
export { imageReference } from './image-ref.js';
export { matchesPattern } from './path-pattern.js';
export {
  type Cloud,
  clouds,
  type DeliverySettings,
  type PlatformConfig,
  PlatformConfigError,
  platformConfigFile,
  type ResolveSettingsInput,
  readPlatformConfig,
  resolveCloud,
  resolveDeliverySettings,
  resolveRegistry,
  validateRegistry,
} from './platform-config.js';
export { findRepoRoot } from './repo-root.js';
export { appsDir, listServices, type Service, serviceManifestFile } from './services.js';
export {
  imagesConfigKey,
  isImmutableImage,
  readPulumiProjectName,
  readStackImages,
  type SetStackImagesInput,
  StackConfigError,
  servicesProgramDir,
  setStackImages,
  stackConfigPath,
} from './stack-config.js';
export { checkWorkflow, type WorkflowProblem, writeScopeUsers } from './workflow-hygiene.js';
export { readWorkspaces, type Workspace } from './workspaces.js';
