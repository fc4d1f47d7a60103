import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedFile } from '@slipway/generators';
import { forkTextFiles } from './fork-text-files.ts';
import { stripMarkedBlocks } from './marked-blocks.ts';

/**
 * The folder of the template's own upkeep: what only its maintainers run (the benchmarks, the
 * cluster tools and suite, this init). A fork never runs it, so init leaves it out.
 */
export const upkeepFolder = 'upkeep';

/**
 * A text without its upkeep blocks, the marker lines included.
 * @throws Error when a block is left open or closed without being opened.
 * @example stripUpkeepBlocks('a\n# upkeep\nb\n# /upkeep\nc\n') // 'a\nc\n'
 */
export function stripUpkeepBlocks(text: string, path = 'text'): string {
  return stripMarkedBlocks(text, upkeepFolder, { path });
}

/** Every string of an array in a JSON value that points into upkeep/, left out, recursively. */
function withoutUpkeepEntries(value: unknown): unknown {
  if (Array.isArray(value))
    return value
      .filter((item) => typeof item !== 'string' || !item.includes(`${upkeepFolder}/`))
      .map(withoutUpkeepEntries);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withoutUpkeepEntries(item)]),
    );
  return value;
}

/**
 * A JSON settings file without the list entries that point into upkeep/ (a Biome override's
 * paths, a turbo task's inputs); JSON has no comments to mark a block with.
 * @example forkJsonSettings('{"includes":["apps/**","upkeep/**"]}') // '{ "includes": ["apps/**"] }' (as two-space JSON)
 */
export function forkJsonSettings(text: string, path = 'text'): string {
  let before: unknown;
  try {
    before = JSON.parse(text);
  } catch {
    // JSON with comments (tsconfig): the comment markers of TypeScript mark its blocks.
    return stripUpkeepBlocks(text, path);
  }
  const after = withoutUpkeepEntries(before);
  if (JSON.stringify(after) === JSON.stringify(before)) return text;
  // The entry's own line goes, so the rest of the file keeps its formatting; any other layout
  // is written anew.
  const entryLine = new RegExp(`^[ \\t]*"[^"\\n]*${upkeepFolder}/[^"\\n]*",?[ \\t]*$\\n?`, 'gm');
  const edited = text.replace(entryLine, '').replace(/,(\s*[\]}])/g, '$1');
  const editedValue = (() => {
    try {
      return JSON.stringify(JSON.parse(edited));
    } catch {
      return undefined;
    }
  })();
  return editedValue === JSON.stringify(after) ? edited : `${JSON.stringify(after, null, 2)}\n`;
}

/** A file's text in a fork, by its kind. */
function forkText(path: string, text: string): string {
  if (path === 'package.json') return forkRootPackage(text);
  if (path.endsWith('.json') && !path.endsWith('package-lock.json'))
    return forkJsonSettings(text, path);
  return stripUpkeepBlocks(text, path);
}

interface RootPackage {
  workspaces?: string[];
  scripts?: Record<string, string>;
}

/**
 * The root package.json of a fork: no workspace under upkeep/, no script that runs one, and no
 * `pre`/`post` script left without its script.
 * @example forkRootPackage('{"workspaces":["apps/*","upkeep/init"],"scripts":{"init":"npm run init --workspace upkeep/init --"}}')
 * // '{ "workspaces": ["apps/*"], "scripts": {} }' (as two-space JSON)
 */
export function forkRootPackage(text: string): string {
  const pkg = JSON.parse(text) as RootPackage;
  const intoUpkeep = (value: string) => value.includes(`${upkeepFolder}/`);
  if (pkg.workspaces) pkg.workspaces = pkg.workspaces.filter((dir) => !intoUpkeep(dir));
  if (pkg.scripts) {
    const scripts = pkg.scripts;
    const removed = new Set(Object.keys(scripts).filter((name) => intoUpkeep(scripts[name] ?? '')));
    const orphan = (name: string) =>
      /^(pre|post)/.test(name) && removed.has(name.slice(name.startsWith('pre') ? 3 : 4));
    pkg.scripts = Object.fromEntries(
      Object.entries(scripts).filter(([name]) => !removed.has(name) && !orphan(name)),
    );
  }
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** What leaving upkeep/ out of a fork changes. */
export interface UpkeepLeftOut {
  /** The files whose upkeep blocks or entries went, on top of the files planned before. */
  readonly files: PlannedFile[];
  /** upkeep/ itself, and the files that were nothing but an upkeep block (a workflow). */
  readonly removals: string[];
}

/**
 * Leaves the template's upkeep out of a fork: plans the removal of upkeep/ and of every file that
 * is one upkeep block, and rewrites the other files without their upkeep blocks (the root
 * package.json without its workspaces and scripts). `planned` are the files init already
 * rewrites (renamed): their new content is the one stripped.
 * @example const { files, removals } = leaveOutUpkeep(root, renamed.files)
 */
export function leaveOutUpkeep(root: string, planned: readonly PlannedFile[]): UpkeepLeftOut {
  if (!existsSync(join(root, upkeepFolder))) return { files: [...planned], removals: [] };
  const { files, emptied } = forkTextFiles(root, planned, forkText, (path) =>
    path.startsWith(`${upkeepFolder}/`),
  );
  return { files, removals: [upkeepFolder, ...emptied] };
}
