export { findRepoRoot, plopfilePath } from './find-repo-root.ts';
export { type RunResult, runStateKey } from './generator-run.ts';
export { type Flags, type Output, parseFlags } from './parse-flags.ts';
export { type ScaffoldOptions, scaffoldService } from './scaffold-service.ts';
