import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { outputFolders } from '../lifecycle/service-edits.ts';
import { renderServiceFiles } from '../service/service-files.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import { formatFiles } from '../shared/format-files.ts';
import { hasConflictMarkers, mergeFile, wholeFileConflict } from './merge-file.ts';
import {
  isExcluded,
  recordPathOf,
  type TemplateRecord,
  templateRecordFile,
} from './template-record.ts';
import { extractTemplates } from './template-tree.ts';

/** What sync does to one file of a service; paths are relative to the repository root. */
export type FileChange =
  | { readonly kind: 'update' | 'create'; readonly path: string; readonly content: string }
  | { readonly kind: 'remove'; readonly path: string }
  | { readonly kind: 'conflict'; readonly path: string; readonly content: string };

/** How one service is brought up to the current templates. */
export interface ServiceSync {
  readonly service: string;
  /** The recorded template version, and the current one. */
  readonly from: string;
  readonly to: string;
  /** Every file that changes, conflicts included (written with their markers). */
  readonly changes: readonly FileChange[];
  /** The record with the version moved forward. */
  readonly record: PlannedFile;
}

function listFiles(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return outputFolders.has(entry.name) ? [] : listFiles(root, path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * The files of a service that still hold conflict markers, e.g. from the last sync.
 * @example unresolvedConflicts(root, 'orders') // ['apps/orders/README.md']
 */
export function unresolvedConflicts(root: string, service: string): string[] {
  return listFiles(root, `apps/${service}`).filter((path) =>
    hasConflictMarkers(readFileSync(join(root, path), 'utf8')),
  );
}

/** The files a set of templates makes of the recorded service, by path in the repository. */
function render(templatesDir: string, record: TemplateRecord): PlannedFile[] {
  const dir = `apps/${record.answers.name}`;
  return renderServiceFiles(templatesDir, record.answers, record.repository).map((f) => ({
    path: `${dir}/${f.path}`,
    content: f.content,
  }));
}

/**
 * Formats both renderings and the new record with the repository's Biome in one run (a run
 * costs a process start), so base and theirs read like the service's own formatted code.
 */
function formatSides(
  root: string,
  base: PlannedFile[],
  theirs: PlannedFile[],
  record: PlannedFile,
) {
  const sides = [
    ...base.map((f) => ({ ...f, path: `base/${f.path}` })),
    ...theirs.map((f) => ({ ...f, path: `theirs/${f.path}` })),
    { ...record, path: `record/${record.path}` },
  ];
  const formatted = formatFiles(root, sides);
  const side = (prefix: string) =>
    new Map(
      formatted
        .filter((f) => f.path.startsWith(prefix))
        .map((f) => [f.path.slice(prefix.length), f.content]),
    );
  const [formattedRecord] = side('record/').values();
  return {
    base: side('base/'),
    theirs: side('theirs/'),
    record: formattedRecord ?? record.content,
  };
}

function readIfExists(root: string, path: string): string | undefined {
  const file = join(root, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** The change of one file, given what the old and the current templates make of it. */
function changeOf(
  path: string,
  ours: string | undefined,
  base: string | undefined,
  theirs: string | undefined,
  template: string,
): FileChange | undefined {
  const labels = { ours: path, theirs: template };
  if (theirs === undefined) {
    // The template no longer makes this file: it goes, unless the team changed it.
    if (ours === undefined || base === undefined) return undefined;
    if (ours === base) return { kind: 'remove', path };
    const content = wholeFileConflict(ours, '', { ...labels, theirs: `${template} (removed)` });
    return { kind: 'conflict', path, content };
  }
  if (ours === undefined) {
    if (base === undefined) return { kind: 'create', path, content: theirs };
    // Deleted by the team: it stays deleted unless the template changed it.
    if (base === theirs) return undefined;
    const content = wholeFileConflict('', theirs, { ...labels, ours: `${path} (deleted)` });
    return { kind: 'conflict', path, content };
  }
  const merged = mergeFile({ base: base ?? '', ours, theirs }, labels);
  if (merged.content === ours) return undefined;
  return merged.conflicts > 0
    ? { kind: 'conflict', path, content: merged.content }
    : { kind: 'update', path, content: merged.content };
}

/**
 * Plans bringing one service up to the current templates: the templates of the recorded
 * version (from git) and the current ones are rendered with the recorded answers and formatted
 * with the repository's Biome, then each file is merged three ways with the service's own.
 * @throws TemplateVersionError when git does not hold the recorded version.
 * @example planServiceSync(root, record, { templatesDir, version: currentVersion })
 */
export function planServiceSync(
  root: string,
  record: TemplateRecord,
  current: { readonly templatesDir: string; readonly version: string },
): ServiceSync {
  const service = record.answers.name;
  const scratch = mkdtempSync(join(tmpdir(), 'slipway-sync-'));
  try {
    extractTemplates(root, record.version, scratch);
    const recordFile = templateRecordFile({ ...record, version: current.version });
    const {
      base,
      theirs,
      record: recordContent,
    } = formatSides(root, render(scratch, record), render(current.templatesDir, record), {
      path: recordPathOf(service),
      content: recordFile.content,
    });
    const template = `template ${current.version.slice(0, 12)}`;
    const dir = `apps/${service}/`;
    const paths = [...new Set([...base.keys(), ...theirs.keys()])]
      .filter((path) => !isExcluded(path.slice(dir.length), record.excluded))
      .sort();
    const changes = paths.flatMap((path) => {
      const change = changeOf(
        path,
        readIfExists(root, path),
        base.get(path),
        theirs.get(path),
        template,
      );
      return change ? [change] : [];
    });
    return {
      service,
      from: record.version,
      to: current.version,
      changes,
      record: { path: recordPathOf(service), content: recordContent },
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
