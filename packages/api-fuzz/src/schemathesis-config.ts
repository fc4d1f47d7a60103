import { hostileText } from './hostile-text.ts';

/** How often a string field gets a value of {@link hostileText} instead of a random one. */
const hostileProbability = 0.25;
const maxDepth = 12;
// schemathesis names body fields by path: `body.items[*].sku`; other names cannot be bound.
const bindableName = /^[A-Za-z0-9_-]+$/;
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

type JsonObject = Readonly<Record<string, unknown>>;

/**
 * The free-text string fields of an OpenAPI document's operations that schemathesis can be
 * told to fill from a dictionary: JSON body fields at any depth (`body.items[*].sku`), query
 * and path parameters (`query.name`). Headers and cookies are left out (NUL and line breaks
 * cannot travel there), and so are enums, formats and patterns no hostile value fits.
 *
 * @example
 * stringFields(document); // ['body.customerId', 'body.items[*].sku', 'query.name']
 */
export function stringFields(document: unknown): string[] {
  const found = new Set<string>();
  const root = asObject(document);
  for (const pathItem of Object.values(asObject(root.paths))) {
    for (const method of methods) {
      const operation = asObject(asObject(pathItem)[method]);
      for (const parameter of asArray(operation.parameters).map((p) => resolve(root, p))) {
        const location = parameter.in;
        const name = parameter.name;
        if ((location === 'query' || location === 'path') && typeof name === 'string') {
          if (bindableName.test(name) && takesHostileText(resolve(root, parameter.schema))) {
            found.add(`${location}.${name}`);
          }
        }
      }
      const body = resolve(root, operation.requestBody);
      const schema = asObject(asObject(asObject(body.content)['application/json']).schema);
      collectBodyFields(root, schema, [], found, 0);
    }
  }
  return [...found].sort();
}

/**
 * The `schemathesis.toml` of a run: the {@link hostileText} dictionary bound to every field of
 * {@link stringFields}.
 *
 * @example
 * await writeFile(join(dir, 'schemathesis.toml'), schemathesisConfig(document));
 */
export function schemathesisConfig(document: unknown): string {
  const fields = stringFields(document);
  return [
    '[dictionaries.hostile-text]',
    `values = [${hostileText.map(tomlString).join(', ')}]`,
    '',
    '[parameters]',
    ...fields.map(
      (field) =>
        `${tomlString(field)} = { dictionary = "hostile-text", probability = ${hostileProbability} }`,
    ),
    '',
  ].join('\n');
}

function collectBodyFields(
  root: JsonObject,
  value: unknown,
  path: readonly string[],
  found: Set<string>,
  depth: number,
): void {
  if (depth > maxDepth) return;
  const schema = resolve(root, value);
  if (takesHostileText(schema) && path.length > 0) found.add(`body.${path.join('.')}`);
  for (const [name, property] of Object.entries(asObject(schema.properties))) {
    if (bindableName.test(name))
      collectBodyFields(root, property, [...path, name], found, depth + 1);
  }
  if (schema.items !== undefined && path.length > 0) {
    const [last = '', ...rest] = [...path].reverse();
    collectBodyFields(root, schema.items, [...rest.reverse(), `${last}[*]`], found, depth + 1);
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const part of asArray(schema[key])) collectBodyFields(root, part, path, found, depth + 1);
  }
}

function resolve(root: JsonObject, value: unknown): JsonObject {
  let current = asObject(value);
  for (let hops = 0; typeof current.$ref === 'string' && hops < maxDepth; hops += 1) {
    const pointer = current.$ref;
    if (!pointer.startsWith('#/')) return {};
    current = pointer
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<JsonObject>((node, part) => asObject(node[part]), root);
  }
  return current;
}

/**
 * A free-text string: not an enum, a constant or a format (a UUID, a date), and with a pattern,
 * if any, that some hostile values match. schemathesis would send the others as invalid input
 * only, and warn that the dictionary does not fit the field.
 */
function takesHostileText(schema: JsonObject): boolean {
  const type = schema.type;
  if (type !== 'string' && !(Array.isArray(type) && type.includes('string'))) return false;
  if (schema.enum !== undefined || schema.const !== undefined || schema.format !== undefined) {
    return false;
  }
  if (typeof schema.pattern !== 'string') return true;
  try {
    const pattern = new RegExp(schema.pattern, 'u');
    return hostileText.some((text) => pattern.test(text));
  } catch {
    return true;
  }
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : {};
}

function asArray(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A TOML basic string: control characters, quotes and backslashes escaped, the rest as is. */
function tomlString(text: string): string {
  let escaped = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '"' || char === '\\') escaped += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) escaped += `\\u${code.toString(16).padStart(4, '0')}`;
    else escaped += char;
  }
  return `"${escaped}"`;
}
