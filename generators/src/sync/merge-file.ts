import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The three sides of a file: as the template made it, as the team has it, as the template makes it now. */
export interface MergeSides {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
}

/** Labels of the conflict markers: `<<<<<<< ours`, `>>>>>>> theirs`. */
export interface MergeLabels {
  readonly ours: string;
  readonly theirs: string;
}

/** A merged file, with the number of conflicts left in it as markers. */
export interface MergedFile {
  readonly content: string;
  readonly conflicts: number;
}

/**
 * Three-way merges one file with `git merge-file`, which every fork has: changes on one side
 * only are taken, changes on both sides merge when they touch different lines, and the rest
 * are left between conflict markers.
 * @example mergeFile({ base, ours, theirs }, { ours: 'apps/billing/README.md', theirs: 'template' })
 */
export function mergeFile(sides: MergeSides, labels: MergeLabels): MergedFile {
  if (sides.ours === sides.theirs || sides.base === sides.theirs) {
    return { content: sides.ours, conflicts: 0 };
  }
  if (sides.base === sides.ours) return { content: sides.theirs, conflicts: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'slipway-merge-'));
  try {
    for (const side of ['base', 'ours', 'theirs'] as const) {
      writeFileSync(join(dir, side), sides[side]);
    }
    const result = spawnSync(
      'git',
      [
        'merge-file',
        '-p',
        '-L',
        labels.ours,
        '-L',
        'base',
        '-L',
        labels.theirs,
        'ours',
        'base',
        'theirs',
      ],
      { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    // The exit status is the number of conflicts; a negative one (255 here) is an error.
    if (result.status === null || result.status > 127 || result.error) {
      throw new Error(
        `git merge-file failed for ${labels.ours}: ${result.error?.message ?? result.stderr}`,
      );
    }
    return { content: result.stdout, conflicts: result.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A line that opens or closes a conflict, as git and {@link wholeFileConflict} write them. */
const markerLine = /^(<{7} |>{7} )/m;

/**
 * True when a file still holds conflict markers.
 * @example hasConflictMarkers('<<<<<<< apps/billing/README.md\n...') // true
 */
export function hasConflictMarkers(content: string): boolean {
  return markerLine.test(content);
}

/**
 * A file whose whole content is a conflict: one side deleted the file, the other changed it.
 * Resolving it is keeping the side you want (an empty side means deleting the file).
 * @example wholeFileConflict('', theirs, { ours: 'apps/billing/src/app.test.ts (deleted)', theirs: 'template' })
 */
export function wholeFileConflict(ours: string, theirs: string, labels: MergeLabels): string {
  const block = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  return `<<<<<<< ${labels.ours}\n${block(ours)}=======\n${block(theirs)}>>>>>>> ${labels.theirs}\n`;
}
