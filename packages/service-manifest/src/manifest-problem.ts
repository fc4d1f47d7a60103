import type { SourceLocation } from './source-location.ts';

/** One thing wrong with a service manifest, located precisely enough to fix. */
export interface ManifestProblem {
  /** The service the problem belongs to (its folder name when the name is unreadable). */
  readonly service: string;
  /** The manifest file, relative to the repository root when loaded from one. */
  readonly file: string;
  /** The field, as a dotted path such as `replicas.max`; empty for the whole file. */
  readonly field: string;
  readonly message: string;
  /** Where in the file's text, when the problem was found in text (not in data built in code). */
  readonly location?: SourceLocation;
}
