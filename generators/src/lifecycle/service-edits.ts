import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceDir } from '@slipway/platform-contract';
import { codeownersFile } from '../service/codeowners.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import { type RepoFiles, walkFiles } from '../shared/repo-files.ts';
import {
  readTemplateRecord,
  recordPathOf,
  type TemplateRecord,
  templateRecordFile,
} from '../sync/template-record.ts';

/** The services that call `name`, from both sides of every call (`calls` and `calledBy`). */
export function callersOf(name: string, catalog: RepoCatalog): string[] {
  const own = catalog.services.find((s) => s.name === name)?.calledBy ?? [];
  const listing = catalog.services.filter((s) => s.calls.includes(name)).map((s) => s.name);
  return [...new Set([...own, ...listing])].filter((s) => s !== name).sort();
}

/** The services `name` calls, from both sides of every call. */
export function calleesOf(name: string, catalog: RepoCatalog): string[] {
  const own = catalog.services.find((s) => s.name === name)?.calls ?? [];
  const listing = catalog.services.filter((s) => s.calledBy.includes(name)).map((s) => s.name);
  return [...new Set([...own, ...listing])].filter((s) => s !== name).sort();
}

/** Workspaces other than `except` whose package.json depends on the package `name`. */
export function dependentsOf(name: string, catalog: RepoCatalog, except: readonly string[]) {
  return catalog.workspaces.filter((w) => {
    if (except.includes(w.dir) || w.dir === serviceDir(name)) return false;
    const pkg = JSON.parse(
      readFileSync(join(catalog.root, w.dir, 'package.json'), 'utf8'),
    ) as Record<string, Record<string, string> | undefined>;
    return ['dependencies', 'devDependencies', 'peerDependencies'].some(
      (field) => pkg[field]?.[name] !== undefined,
    );
  });
}

/** A repository file's text, as edited so far in this plan: a virtual tree over a read-only view. */
export class PlannedTexts {
  readonly #edits = new Map<string, string>();
  private readonly base: RepoFiles;

  constructor(base: RepoFiles) {
    this.base = base;
  }

  read(path: string): string | undefined {
    return this.#edits.get(path) ?? this.base.read(path);
  }

  exists(path: string): boolean {
    return this.#edits.has(path) || this.base.exists(path);
  }

  /** Applies `edit` to the file's text; an edit that changes nothing plans nothing. */
  edit(path: string, edit: (text: string) => string): void {
    if (!this.exists(path)) return;
    const before = this.read(path) ?? '';
    const after = edit(before);
    if (after !== before) this.#edits.set(path, after);
  }

  set(path: string, content: string): void {
    this.#edits.set(path, content);
  }

  files(): PlannedFile[] {
    return [...this.#edits].map(([path, content]) => ({ path, content }));
  }
}

/** Edits a service's template record, when it has one (format the plan before writing). */
export function editRecord(
  texts: PlannedTexts,
  service: string,
  edit: (record: TemplateRecord) => TemplateRecord,
  path = recordPathOf(service),
): void {
  const record = readTemplateRecord(texts, service);
  if (record) texts.set(path, templateRecordFile(edit(record)).content);
}

/** `.github/CODEOWNERS` with the lines of `apps/<from>/` given to `to`, or dropped. */
export function editCodeowners(texts: PlannedTexts, from: string, to?: string): void {
  texts.edit(codeownersFile, (text) =>
    text
      .split('\n')
      .flatMap((line) => {
        const prefix = `/${serviceDir(from)}/`;
        if (!line.startsWith(`${prefix} `) && line !== prefix) return [line];
        return to === undefined ? [] : [`/${serviceDir(to)}/${line.slice(prefix.length)}`];
      })
      .join('\n'),
  );
}

/** Folders of a service that hold output, not sources: never edited, never merged. */
export const outputFolders: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  '.turbo',
  '.test-results',
  'coverage',
  '.data',
]);

/**
 * A service's source files of the given kinds, relative to the repository root.
 * @example sourceFiles(files, 'gateway', /\.ts$/) // ['apps/gateway/src/app.ts', ...]
 */
export function sourceFiles(files: RepoFiles, service: string, pattern: RegExp): string[] {
  return walkFiles(files, serviceDir(service), outputFolders).filter((path) =>
    pattern.test(path.slice(path.lastIndexOf('/') + 1)),
  );
}
