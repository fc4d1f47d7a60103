import type { StateResource } from './state-resources.ts';

/** One config value of a stack, as `pulumi config set [--secret]` would store it. */
export interface StackConfigValue {
  readonly value: string;
  readonly secret?: boolean;
}

/** What one Pulumi operation on a project's stack is asked to do. */
export interface StackRequest {
  /** The folder holding the project's `Pulumi.yaml` (its program is its `main`). */
  readonly projectDir: string;
  readonly stack: string;
  readonly operation: 'up' | 'preview' | 'destroy';
  /** Config by full key (`slipway-services:images`); objects as JSON strings. Replaces the stack's config. */
  readonly config?: Readonly<Record<string, StackConfigValue>>;
  /** The workspace folder Pulumi writes the inline project's files to. Default: a new temp folder. */
  readonly workDir?: string;
  /** Test-only breakages of the program (see break-program.ts). Default: none. */
  readonly breaks?: readonly string[];
  /** `preview` only: read the live objects into the state first (`pulumi preview --refresh`). */
  readonly refresh?: boolean;
  /** `preview` only: fail if the preview has any change (`--expect-no-changes`). */
  readonly expectNoChanges?: boolean;
}

/** A destroy's view of the stack's state: what it held before, what is left after. */
interface DestroyedState {
  readonly before: readonly StateResource[];
  /** Read before the stack is removed: a clean destroy leaves nothing. */
  readonly after: readonly StateResource[];
}

/** What the operation did. */
export interface StackResult {
  /** Resource operations by kind (`create`, `update`, `same`, `delete`, `replace`). */
  readonly changes: Readonly<Record<string, number>>;
  /** The stack's outputs after `up` (secrets as their plain values: the suite owns them). */
  readonly outputs: Readonly<Record<string, unknown>>;
  /** Everything the engine printed, warnings included. */
  readonly log: string;
  /** `destroy` only. */
  readonly destroyed?: DestroyedState;
}

/** The line prefix the child uses for its one JSON answer, so engine output never parses as one. */
export const resultMarker = '@@slipway-stack-result@@';
