import { type Document, isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import { serviceManifestPath } from '@slipway/platform-contract';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';
import type { ServiceAnswers } from './service-answers.ts';

type ListField = 'calls' | 'calledBy';

const endOfLine = (text: string, offset: number) => {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline;
};

/** The service a list entry names: the entry itself, or a `calls` map's `service`. */
function listedName(item: unknown): unknown {
  if (isScalar(item)) return item.value;
  return isMap(item) ? item.get('service') : undefined;
}

/** Where a missing list goes: after the field it pairs with, else after the port. */
function insertionPoint(document: Document, text: string, field: ListField): number {
  const anchors = field === 'calledBy' ? ['calls', 'public', 'port'] : ['public', 'port'];
  if (!isMap(document.contents)) return text.length;
  for (const anchor of anchors) {
    const pair = document.contents.items.find((p) => isScalar(p.key) && p.key.value === anchor);
    const end = isNode(pair?.value) ? pair.value.range?.[1] : undefined;
    if (end !== undefined) return endOfLine(text, end);
  }
  return text.length;
}

/** The text edit that adds `entry`, or undefined when the list has a shape we do not splice. */
function spliceEntry(text: string, field: ListField, entry: string): string | undefined {
  const document = parseDocument(text);
  const list = document.get(field, true);
  if (list === undefined) {
    const at = insertionPoint(document, text, field);
    const line = `${field}: [${entry}]`;
    return at === text.length
      ? `${text.replace(/\n*$/, '\n')}${line}\n`
      : `${text.slice(0, at)}\n${line}${text.slice(at)}`;
  }
  if (!isSeq(list) || !list.range) return undefined;
  if (list.items.some((item) => listedName(item) === entry)) return text;
  const last = list.items.at(-1);
  if (list.flow) {
    if (!last) return `${text.slice(0, list.range[0])}[${entry}]${text.slice(list.range[1])}`;
    if (!isNode(last) || !last.range) return undefined;
    return `${text.slice(0, last.range[1])}, ${entry}${text.slice(last.range[1])}`;
  }
  // The last entry may be a name or a `calls` map (`- service: stock` and its policy's lines).
  if (!isNode(last) || !last.range) return undefined;
  const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
  const indent = text.slice(lineStart, last.range[0]).replace(/-\s*$/, '');
  // A map's range may end past its last line's newline: stay on that line.
  const at = endOfLine(text, Math.max(last.range[0], last.range[1] - 1));
  return `${text.slice(0, at)}\n${indent}- ${entry}${text.slice(at)}`;
}

/**
 * Adds `entry` to the list `field` of a manifest's YAML text. Only that list changes: the
 * entry is spliced into the text where the yaml Document API locates the list, so comments,
 * styles and every other byte stay as they were. Lists of an unusual shape are rewritten
 * through the Document API, which still keeps comments.
 * @example addToManifestList('calledBy: [gateway]\n', 'calledBy', 'billing') // 'calledBy: [gateway, billing]\n'
 */
export function addToManifestList(text: string, field: ListField, entry: string): string {
  const spliced = spliceEntry(text, field, entry);
  const listed = (candidate: string) => {
    const value: unknown = parseDocument(candidate).toJS();
    const list =
      typeof value === 'object' && value !== null ? Reflect.get(value, field) : undefined;
    const names = Array.isArray(list)
      ? list.map((item: unknown) =>
          typeof item === 'object' && item !== null ? Reflect.get(item, 'service') : item,
        )
      : [];
    return names.includes(entry);
  };
  if (spliced !== undefined && listed(spliced)) return spliced;
  const document = parseDocument(text);
  const list = document.get(field, true);
  if (isSeq(list)) list.add(document.createNode(entry));
  else document.set(field, document.createNode([entry], { flow: true }));
  return document.toString({ lineWidth: 0 });
}

/**
 * The manifests of the services the new one calls and is called by, each updated so both
 * sides of every call agree (`calls` on the caller, `calledBy` on the callee), which is
 * what the network policies of both are generated from.
 * @example connectServices({ name: 'billing', calls: ['orders'], calledBy: [] }, files)
 */
export function connectServices(
  answers: Pick<ServiceAnswers, 'name' | 'calls' | 'calledBy'>,
  files: RepoFiles,
): PlannedFile[] {
  const edits = new Map<string, string>();
  const update = (service: string, field: ListField) => {
    const path = serviceManifestPath(service);
    const before = edits.get(path) ?? files.read(path) ?? '';
    edits.set(path, addToManifestList(before, field, answers.name));
  };
  for (const callee of answers.calls) update(callee, 'calledBy');
  for (const caller of answers.calledBy) update(caller, 'calls');
  return [...edits].map(([path, content]) => ({ path, content }));
}
