export { findRepoRoot, plopfilePath } from './find-repo-root.js';
export { type Flags, type Output, parseFlags } from './parse-flags.js';
export { type ScaffoldOptions, scaffoldService } from './scaffold-service.js';
