export {
  type BuildResult,
  type BuildServiceOptions,
  buildService,
  defaultAssets,
  defaultExternals,
} from './build-service.js';
export { createDevEnvironment, devHost } from './dev-environment.js';
export { envFileFlags, envFileName, envFiles } from './env-files.js';
export { findService, type LocatedService } from './find-service.js';
