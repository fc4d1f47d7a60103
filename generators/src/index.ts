export {
  type MeasureScaffoldOptions,
  measureScaffold,
  type ScaffoldTimings,
} from './bench/measure-scaffold.js';
export { GeneratorError } from './shared/generator-error.js';
export {
  type Cloud,
  clusterPrograms,
  defaultPlatformConfig,
  type PlatformConfig,
  platformConfigFile,
  readPlatformConfig,
} from './shared/platform-config.js';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.js';
