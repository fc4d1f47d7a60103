import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';

/** Where in a manifest's text a problem is: 1-based line and column, and the line itself. */
export interface SourceLocation {
  readonly line: number;
  readonly column: number;
  /** How many characters the problem spans on that line, for the caret; at least 1. */
  readonly length: number;
  /** The text of that line, shown under the problem with a caret. */
  readonly lineText: string;
}

/**
 * The location of a span of characters (start and end offsets) in a text.
 * @example locateOffset('name: a\nport: x\n', lineCounter, 14, 15) // { line: 2, column: 7, length: 1, lineText: 'port: x' }
 */
function locateOffset(
  text: string,
  lineCounter: LineCounter,
  start: number,
  end: number = start + 1,
): SourceLocation {
  const { line, col } = lineCounter.linePos(Math.min(start, text.length));
  const lineText = text.split(/\r?\n/)[line - 1] ?? '';
  const room = Math.max(1, lineText.length - (col - 1));
  return { line, column: col, length: Math.max(1, Math.min(end - start, room)), lineText };
}

/**
 * The location of a YAML syntax error. An error found only at the end of the text (an
 * unclosed bracket) points at the last character of the text, where the fix goes.
 * @example locateSyntaxError('calls: [orders\n', lineCounter, [15, 15]) // { line: 1, column: 15, ... }
 */
export function locateSyntaxError(
  text: string,
  lineCounter: LineCounter,
  [start, end]: readonly [number, number],
): SourceLocation {
  if (text.slice(start).trim() !== '') return locateOffset(text, lineCounter, start, end);
  const lastText = text.trimEnd().length;
  return locateOffset(text, lineCounter, Math.max(0, lastText - 1), lastText);
}

/**
 * The location of the value at a path of a YAML document or, with `key`, of that key in the
 * map at the path (for a field that should not be there). Undefined when the path is not in
 * the text, such as a field that is missing.
 * @example locatePath(text, document, lineCounter, ['replicas', 'max'])
 */
export function locatePath(
  text: string,
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  key?: string,
): SourceLocation | undefined {
  const node: unknown = path.length === 0 ? document.contents : document.getIn(path, true);
  if (key !== undefined) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    const range = isNode(pair?.key) ? pair.key.range : undefined;
    return range ? locateOffset(text, lineCounter, range[0], range[1]) : undefined;
  }
  if (!isNode(node) || !node.range) return undefined;
  return locateOffset(text, lineCounter, node.range[0], node.range[1]);
}

/**
 * The location of a field, given as a dotted path such as `calls.0`, in a manifest's text;
 * undefined when the text does not hold it.
 * @example locateField('name: a\ncalls: [b]\n', 'calls.0') // { line: 2, column: 9, length: 1, lineText: 'calls: [b]' }
 */
export function locateField(text: string, field: string): SourceLocation | undefined {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0 || field === '') return undefined;
  const path = field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return locatePath(text, document, lineCounter, path);
}
