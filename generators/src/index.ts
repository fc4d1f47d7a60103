export {
  type MeasureScaffoldOptions,
  measureScaffold,
  type ScaffoldTimings,
} from './bench/measure-scaffold.ts';
export { type CopyOptions, copyRepository, type RepoCopy } from './testing/repo-copy.ts';
