export {
  type MeasureScaffoldOptions,
  measureScaffold,
  type ScaffoldTimings,
} from './bench/measure-scaffold.js';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.js';
