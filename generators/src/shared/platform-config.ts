import { type ClusterCloud, clusterClouds, repositoryFiles } from '@slipway/platform-contract';

// platform.json is the platform contract's: its one schema, its clouds and its reader. This
// module only names what the generators take from it.

export {
  clusterProgram,
  formatPlatformFile,
  type PlatformFile,
  readPlatformFile,
  scopeSchema,
} from '@slipway/platform-contract';

/** The clouds init offers: those whose cluster program the template ships. */
export type Cloud = ClusterCloud;

/**
 * The clouds init offers, as its `--cloud` choices.
 * @example clouds // ['aws', 'gcp', 'azure']
 */
export const clouds: readonly Cloud[] = clusterClouds;

/**
 * The root file that says whose platform this is.
 * @example readFileSync(join(repoRoot, platformConfigFile), 'utf8')
 */
export const platformConfigFile = repositoryFiles.platform;
