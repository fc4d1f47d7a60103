import { isScalar, isSeq, parseDocument } from 'yaml';
import { serviceUrlVariable } from '@slipway/service-manifest';
import { calleeTimeoutVariable } from '../service/caller-config.ts';
import { templateHelpers } from '../shared/render-templates.ts';

type ListField = 'calls' | 'calledBy';

/**
 * A manifest's YAML text with `field`'s entry `from` renamed to `to`, or dropped when `to` is
 * undefined. The yaml Document API finds the entry; only its bytes change (a flow list is
 * written again in the same style, a block list loses the entry's line), so comments and every
 * other key stay as they were.
 * @example editManifestList('calledBy: [gateway, billing]\n', 'calledBy', 'billing') // 'calledBy: [gateway]\n'
 */
export function editManifestList(
  text: string,
  field: ListField,
  from: string,
  to?: string,
): string {
  const list = parseDocument(text).get(field, true);
  if (!isSeq(list) || !list.range) return text;
  const items = list.items.filter(isScalar);
  const item = items.find((i) => i.value === from);
  if (!item?.range) return text;
  if (to !== undefined) return replaceScalar(text, item.range, to);
  if (list.flow) {
    const rest = items.filter((i) => i !== item).map((i) => String(i.value));
    return `${text.slice(0, list.range[0])}[${rest.join(', ')}]${text.slice(list.range[1])}`;
  }
  const lineStart = text.lastIndexOf('\n', item.range[0]) + 1;
  const lineEnd = text.indexOf('\n', item.range[1]);
  return `${text.slice(0, lineStart)}${text.slice(lineEnd === -1 ? text.length : lineEnd + 1)}`;
}

/**
 * A YAML text with one scalar's bytes replaced by a plain value.
 * @example replaceScalar('name: orders\n', [6, 12], 'purchases') // 'name: purchases\n'
 */
export function replaceScalar(text: string, range: readonly number[], value: string): string {
  const [start = 0, end = start] = range;
  return `${text.slice(0, start)}${value}${text.slice(end)}`;
}

/**
 * The lines of the object entry whose value starts at `index`: from its line's start to the
 * end of the line where the entry's comma (or the object's end) is, so a wrapped entry goes
 * whole. Generated values hold no brackets in strings.
 */
function entryLines(text: string, index: number): [number, number] {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  let depth = 0;
  let at = index;
  for (; at < text.length; at += 1) {
    const char = text[at] ?? '';
    if ('([{'.includes(char)) depth += 1;
    else if (')]}'.includes(char)) depth -= 1;
    if (depth < 0 || (depth === 0 && char === ',')) break;
  }
  // An entry without a comma ends before the line that closes the object.
  if (depth < 0) return [start, Math.max(start, text.lastIndexOf('\n', at) + 1)];
  const end = text.indexOf('\n', at);
  return [start, end === -1 ? text.length : end + 1];
}

/**
 * A caller's `config.ts` without the URL and timeout of `callee` (each with the one-line doc
 * comment above it, as the generator writes them); `z` becomes a type import when nothing else
 * uses it as a value. Returned unchanged when it declares neither.
 * @example withoutCalleeConfig(text, 'billing') // no BILLING_URL, no BILLING_TIMEOUT_MS
 */
export function withoutCalleeConfig(text: string, callee: string): string {
  let result = text;
  for (const variable of [serviceUrlVariable(callee), calleeTimeoutVariable(callee)]) {
    const match = new RegExp(`^\\s*${variable}\\s*:`, 'm').exec(result);
    if (!match) continue;
    const [start, end] = entryLines(result, match.index + match[0].length);
    let from = start;
    const previous = result.slice(0, start).match(/(^|\n)([ \t]*\/\*\*[^\n]*\*\/[ \t]*\n)$/);
    if (previous?.[2]) from = start - previous[2].length;
    result = `${result.slice(0, from)}${result.slice(end)}`;
  }
  if (result !== text && !/\bz\.(?!output\b)/.test(result)) {
    result = result.replace(/import \{ z \} from 'zod';/, "import type { z } from 'zod';");
  }
  return result;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Renames what a caller's code derives from a callee's name: `ORDERS_URL`,
 * `ORDERS_TIMEOUT_MS`, `OrdersApi`, `OrdersClient`, `OrdersClientOptions`,
 * `createOrdersClient`, imports of the `orders` package (`'orders/app'`, `'orders/db'`), the
 * `orders-client` module path and the client's `service: 'orders'`. Words of the domain (`/orders` routes, an `orders` table) stay.
 * @example renameCalleeTokens(text, 'orders', 'purchases')
 */
export function renameCalleeTokens(text: string, from: string, to: string): string {
  const { constantCase, pascalCase } = templateHelpers;
  const [oldConstant, newConstant] = [constantCase(from), constantCase(to)];
  const [oldPascal, newPascal] = [pascalCase(from), pascalCase(to)];
  return text
    .replace(
      new RegExp(`\\b${oldConstant}_(URL|TIMEOUT_MS)\\b`, 'g'),
      (_m, suffix: string) => `${newConstant}_${suffix}`,
    )
    .replace(
      new RegExp(`\\b(create)?${oldPascal}(Api|Client|ClientOptions)\\b`, 'g'),
      (_m, create: string | undefined, suffix: string) => `${create ?? ''}${newPascal}${suffix}`,
    )
    .replace(
      new RegExp(
        `(from\\s+|import\\s*\\(\\s*|import\\s+)(['"])${escapeRegExp(from)}(/[^'"]*)?\\2`,
        'g',
      ),
      (_m, keyword: string, quote: string, subpath: string | undefined) =>
        `${keyword}${quote}${to}${subpath ?? ''}${quote}`,
    )
    .replace(
      new RegExp(`(clients/|\\./)${escapeRegExp(from)}-client\\b`, 'g'),
      (_m, prefix: string) => `${prefix}${to}-client`,
    )
    .replace(new RegExp(`service: (['"])${escapeRegExp(from)}\\1`, 'g'), `service: $1${to}$1`);
}

/**
 * Renames what a service's own code takes from its name: `name: 'orders'` (service kit and
 * config), the OpenAPI title its test expects, its exported `OrdersApi` type, `apps/orders` paths
 * and the README's heading.
 * @example renameOwnTokens(text, 'orders', 'purchases')
 */
export function renameOwnTokens(text: string, from: string, to: string): string {
  const { pascalCase } = templateHelpers;
  const quoted = `(['"])${escapeRegExp(from)}\\1`;
  return text
    .replace(new RegExp(`\\bname: ${quoted}`, 'g'), `name: $1${to}$1`)
    .replace(
      new RegExp(`info\\.title\\)\\.toBe\\(${quoted}\\)`, 'g'),
      `info.title).toBe($1${to}$1)`,
    )
    .replace(
      new RegExp(`describe\\((['"])${escapeRegExp(from)} app\\1`, 'g'),
      `describe($1${to} app$1`,
    )
    .replace(new RegExp(`\\b${pascalCase(from)}Api\\b`, 'g'), `${pascalCase(to)}Api`)
    .replace(new RegExp(`\\bapps/${escapeRegExp(from)}\\b(?!-)`, 'g'), `apps/${to}`)
    .replace(new RegExp(`^# ${escapeRegExp(from)}$`, 'm'), `# ${to}`);
}
