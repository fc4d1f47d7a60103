import { isMap, isNode, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { callPolicyVariable, serviceDir, serviceUrlVariable } from '@slipway/platform-contract';
import { templateHelpers } from '../shared/render-templates.ts';

type ListField = 'calls' | 'calledBy';

/** The scalar naming the service of a list entry: the entry itself, or a `calls` map's `service`. */
function entryName(item: unknown): Scalar | undefined {
  if (isScalar(item)) return item;
  const service = isMap(item) ? item.get('service', true) : undefined;
  return isScalar(service) ? service : undefined;
}

/**
 * A manifest's YAML text with `field`'s entry `from` renamed to `to`, or dropped when `to` is
 * undefined; a `calls` entry may be a name or a map with `service:` and its call policy. The
 * yaml Document API finds the entry; only its bytes change (a flow list is written again in the
 * same style, a block list loses the entry's lines), so comments and every other key stay.
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
  const item = list.items.find((i) => entryName(i)?.value === from);
  const name = entryName(item);
  if (!isNode(item) || !item.range || !name?.range) return text;
  if (to !== undefined) return replaceScalar(text, name.range, to);
  if (list.flow) {
    const rest = list.items
      .filter((i) => i !== item)
      .map((i) => (isNode(i) && i.range ? text.slice(i.range[0], i.range[1]) : String(i)));
    return `${text.slice(0, list.range[0])}[${rest.join(', ')}]${text.slice(list.range[1])}`;
  }
  const lineStart = text.lastIndexOf('\n', item.range[0]) + 1;
  // A map entry's range may end past its last line's newline: never cut the line after it.
  const lineEnd = text.indexOf('\n', Math.max(item.range[0], item.range[1] - 1));
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
 * A caller's `config.ts` without the URL and call policy of `callee` (each with the one-line
 * doc comment above it, as the generator writes them); `z` becomes a type import when nothing
 * else uses it as a value, and `callPolicySchema`'s import goes when nothing uses it. Returned
 * unchanged when it declares neither.
 * @example withoutCalleeConfig(text, 'billing') // no BILLING_URL, no BILLING_CALL_POLICY
 */
export function withoutCalleeConfig(text: string, callee: string): string {
  let result = text;
  for (const variable of [serviceUrlVariable(callee), callPolicyVariable(callee)]) {
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
  if (result !== text && (result.match(/\bcallPolicySchema\b/g) ?? []).length === 1) {
    result = result.replace(/^import \{ callPolicySchema \} from '[^']*';\n/m, '');
  }
  return result;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Renames what a caller's code derives from a callee's name: `ORDERS_URL`,
 * `ORDERS_CALL_POLICY`, `OrdersApi`, `OrdersClient`, `OrdersClientOptions`,
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
      new RegExp(`\\b${oldConstant}_(URL|CALL_POLICY)\\b`, 'g'),
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
    .replace(new RegExp(`\\b${escapeRegExp(serviceDir(from))}\\b(?!-)`, 'g'), serviceDir(to))
    .replace(new RegExp(`^# ${escapeRegExp(from)}$`, 'm'), `# ${to}`);
}
