import { serviceDir } from '@slipway/platform-contract';
import { outputFolders } from '../lifecycle/service-edits.ts';
import { renderServiceFiles } from '../service/service-files.ts';
import type { ChangePlan, PlannedFile } from '../shared/change-plan.ts';
import { formatGroups } from '../shared/format-files.ts';
import { type RepoFiles, walkFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { hasConflictMarkers, mergeFile, wholeFileConflict } from './merge-file.ts';
import {
  isExcluded,
  recordPathOf,
  type TemplateRecord,
  templateRecordFile,
} from './template-record.ts';

/** What sync does to one file of a service; paths are relative to the repository root. */
type FileChange =
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

/**
 * The files of a service that still hold conflict markers, e.g. from the last sync.
 * @example unresolvedConflicts(diskFiles(root), 'orders') // ['apps/orders/README.md']
 */
export function unresolvedConflicts(files: RepoFiles, service: string): string[] {
  return walkFiles(files, serviceDir(service), outputFolders).filter((path) =>
    hasConflictMarkers(files.read(path) ?? ''),
  );
}

/** The files a set of templates makes of the recorded service, by path in the repository. */
function render(templates: RepoFiles, record: TemplateRecord): PlannedFile[] {
  const dir = serviceDir(record.answers.name);
  return renderServiceFiles(templates, record.answers, record.repository).map((f) => ({
    path: `${dir}/${f.path}`,
    content: f.content,
  }));
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
 * @example planServiceSync(readRepoView(root), record)
 */
export function planServiceSync(repo: RepoView, record: TemplateRecord): ServiceSync {
  const service = record.answers.name;
  const version = repo.templateVersion();
  const recordFile = {
    path: recordPathOf(service),
    content: templateRecordFile({ ...record, version }).content,
  };
  // Both renderings and the record in one Biome run, so they read like the service's own code.
  const { base, theirs, ...formatted } = formatGroups(repo.format, {
    base: render(repo.templatesAt(record.version), record),
    theirs: render(repo.templates, record),
    record: [recordFile],
  });
  const template = `template ${version.slice(0, 12)}`;
  const dir = `${serviceDir(service)}/`;
  const paths = [...new Set([...base.keys(), ...theirs.keys()])]
    .filter((path) => !isExcluded(path.slice(dir.length), record.excluded))
    .sort();
  const changes = paths.flatMap((path) => {
    const ours = repo.files.read(path);
    const change = changeOf(path, ours, base.get(path), theirs.get(path), template);
    return change ? [change] : [];
  });
  return {
    service,
    from: record.version,
    to: version,
    changes,
    record: { ...recordFile, content: formatted.record.get(recordFile.path) ?? recordFile.content },
  };
}

/**
 * What applying the syncs writes: each changed file, conflicts with their markers, and each
 * record moved forward; files the templates no longer make are removed.
 * @example applyPlan(root, syncChangePlan(plans));
 */
export function syncChangePlan(plans: readonly ServiceSync[]): ChangePlan {
  return {
    directories: [],
    files: plans.flatMap((plan) => [
      ...plan.changes.flatMap((c) =>
        c.kind === 'remove' ? [] : [{ path: c.path, content: c.content }],
      ),
      plan.record,
    ]),
    removals: plans.flatMap((plan) =>
      plan.changes.filter((c) => c.kind === 'remove').map((c) => c.path),
    ),
  };
}
