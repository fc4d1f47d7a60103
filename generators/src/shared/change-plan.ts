import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file's whole new content, at a path relative to the repository root. */
export interface PlannedFile {
  readonly path: string;
  readonly content: string;
}

/** A folder that does not exist yet and is written whole, files relative to it. */
export interface PlannedDirectory {
  readonly path: string;
  readonly files: readonly PlannedFile[];
}

/**
 * Everything one generator run changes. Nothing touches the disk until
 * {@link applyPlan}, so a refusal or a dry run leaves the tree as it was.
 */
export interface ChangePlan {
  /** New folders (a service, a package), each moved into place in one rename. */
  readonly directories: readonly PlannedDirectory[];
  /** Files created or rewritten (manifests of other services, CODEOWNERS, renamed sources). */
  readonly files: readonly PlannedFile[];
  /** Folders removed (cluster programs of clouds not chosen). */
  readonly removals: readonly string[];
  /** Folders renamed as they are, ignored files included (a renamed service); before any file is written. */
  readonly moves?: readonly PlannedMove[];
  /**
   * What each file the plan writes held when the plan was made (null: it was not there), by
   * its path before any move. {@link applyPlan} refuses, writing nothing, when one has changed
   * since: a plan never overwrites what it did not see.
   */
  readonly base?: Readonly<Record<string, string | null>>;
}

/** A folder that moves whole: `from` becomes `to`, which must not exist yet. */
export interface PlannedMove {
  readonly from: string;
  readonly to: string;
}

/** Hooks for {@link applyPlan}; tests inject failures to prove nothing partial stays. */
export interface ApplyPlanOptions {
  readonly writeFile?: (path: string, content: string) => void;
  readonly rename?: (from: string, to: string) => void;
}

/**
 * The plan as it will be applied: a file planned twice keeps its last content, and files
 * inside a folder that is removed are dropped.
 * @example normalizePlan({ directories: [], files: [a, a2], removals: [] }).files // [a2]
 */
export function normalizePlan(plan: ChangePlan): ChangePlan {
  const files = new Map(plan.files.map((file) => [file.path, file]));
  const removed = (path: string) => plan.removals.some((dir) => path.startsWith(`${dir}/`));
  return {
    directories: plan.directories,
    files: [...files.values()].filter((file) => !removed(file.path)),
    removals: plan.removals,
    moves: plan.moves ?? [],
    ...(plan.base === undefined ? {} : { base: plan.base }),
  };
}

/**
 * Every path a plan writes or removes, relative to the root, in a stable order. A file outside
 * the new folders is `created` when `exists` says it is not there yet (ask before applying).
 * @example describePlan(plan, (path) => existsSync(join(root, path))).created // ['apps/billing/README.md', ...]
 */
export function describePlan(
  plan: ChangePlan,
  exists: (path: string) => boolean = () => true,
): {
  created: string[];
  updated: string[];
  removed: string[];
} {
  const files = plan.files.map((f) => f.path);
  const moves = plan.moves ?? [];
  // A file in a moved folder exists once the folder has moved.
  const existsAfterMoves = (path: string) => {
    const move = moves.find((m) => path.startsWith(`${m.to}/`));
    return exists(move ? `${move.from}${path.slice(move.to.length)}` : path);
  };
  return {
    created: [
      ...plan.directories.flatMap((d) => d.files.map((f) => `${d.path}/${f.path}`)),
      ...moves.map((m) => `${m.to}/`),
      ...files.filter((path) => !existsAfterMoves(path)),
    ].sort(),
    updated: files.filter((path) => existsAfterMoves(path)).sort(),
    removed: [...plan.removals, ...moves.map((m) => `${m.from}/`)].sort(),
  };
}

/** One step that takes back part of an applied plan, and the path it restores. */
interface Undo {
  readonly path: string;
  readonly run: () => void;
}

const tempSuffix = () => `.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Applies a plan all or nothing: new folders are rendered into a temporary folder beside
 * their target and renamed into place; rewritten files are staged beside the original, which
 * is moved aside until the end. When anything fails, every step taken is undone (by renames
 * and removals only, so a full disk cannot stop it) and temporary files are removed before
 * the error is rethrown, so the tree is exactly as it was; should an undo step still fail,
 * the others run and the error names what was not restored.
 * @example applyPlan(repoRoot, plan);
 */
export function applyPlan(
  root: string,
  plan: ChangePlan,
  {
    writeFile = (path, content) => writeFileSync(path, content),
    rename = renameSync,
  }: ApplyPlanOptions = {},
): void {
  const temporary: string[] = [];
  const undo: Undo[] = [];
  const trash: string[] = [];
  const makeParents = (target: string) => {
    const created = createParents(dirname(target));
    if (created) undo.push({ path: created, run: () => rmSync(created, { recursive: true }) });
  };
  try {
    for (const [path, expected] of Object.entries(plan.base ?? {})) {
      const file = join(root, path);
      const current = existsSync(file) ? readFileSync(file, 'utf8') : null;
      if (current !== expected) {
        throw new Error(
          `${path} ${expected === null ? 'was created' : 'changed'} after the change was planned: nothing was written; run it again.`,
        );
      }
    }
    // Moves first: files planned inside a moved folder are written at its new place.
    for (const { from, to } of plan.moves ?? []) {
      if (existsSync(join(root, to))) throw new Error(`${to} already exists`);
      makeParents(join(root, to));
      rename(join(root, from), join(root, to));
      undo.push({ path: from, run: () => rename(join(root, to), join(root, from)) });
    }
    const stagedDirectories = plan.directories.map((directory) => {
      const target = join(root, directory.path);
      if (existsSync(target)) throw new Error(`${directory.path} already exists`);
      makeParents(target);
      const staging = mkdtempSync(join(dirname(target), `.${basename(target)}.tmp-`));
      temporary.push(staging);
      // mkdtemp makes it private (0700): the new folder gets the mode of the folder it joins,
      // as its siblings have (0755 for apps/ with the usual umask).
      chmodSync(staging, statSync(dirname(target)).mode & 0o777);
      for (const file of directory.files) {
        mkdirSync(dirname(join(staging, file.path)), { recursive: true });
        writeFile(join(staging, file.path), file.content);
      }
      return { staging, target };
    });
    const stagedFiles = plan.files.map((file) => {
      const target = join(root, file.path);
      const existed = existsSync(target);
      if (!existed) makeParents(target);
      const staging = `${target}${tempSuffix()}`;
      temporary.push(staging);
      writeFile(staging, file.content);
      if (existed) chmodSync(staging, statSync(target).mode);
      return { staging, target, existed };
    });

    for (const { staging, target } of stagedDirectories) {
      rename(staging, target);
      undo.push({ path: target, run: () => rmSync(target, { recursive: true, force: true }) });
    }
    for (const { staging, target, existed } of stagedFiles) {
      // The old file is moved aside, not rewritten on undo: a rename needs no free space.
      if (existed) {
        const previous = `${target}.previous${tempSuffix()}`;
        rename(target, previous);
        undo.push({ path: target, run: () => rename(previous, target) });
        trash.push(previous);
      }
      rename(staging, target);
      if (!existed) undo.push({ path: target, run: () => rmSync(target, { force: true }) });
    }
    for (const path of plan.removals) {
      const target = join(root, path);
      const moved = join(dirname(target), `.${basename(target)}.removed${tempSuffix()}`);
      rename(target, moved);
      undo.push({ path: target, run: () => rename(moved, target) });
      trash.push(moved);
    }
  } catch (error) {
    throw undoAll(undo, error);
  } finally {
    for (const path of temporary) rmSync(path, { recursive: true, force: true });
  }
  // Only once everything is in place: a removed folder can still come back until then.
  for (const moved of trash) rmSync(moved, { recursive: true, force: true });
}

/**
 * Runs every undo step, latest first, even when one fails, and returns the error to throw:
 * the original one, naming what could not be restored when a step failed.
 */
function undoAll(undo: readonly Undo[], cause: unknown): unknown {
  const stranded: string[] = [];
  for (const step of [...undo].reverse()) {
    try {
      step.run();
    } catch (error) {
      stranded.push(`${step.path} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (stranded.length === 0) return cause;
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `${reason}\nUndoing the change failed for: ${stranded.join(', ')}. Restore them from git (git status shows them), then run it again.`,
    { cause },
  );
}

/** Creates `dir` and missing parents; returns the topmost folder it created, if any. */
function createParents(dir: string): string | undefined {
  let topmost: string | undefined;
  for (let current = dir; !existsSync(current); current = dirname(current)) topmost = current;
  if (topmost) mkdirSync(dir, { recursive: true });
  return topmost;
}
