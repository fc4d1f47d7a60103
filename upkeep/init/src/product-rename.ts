import type { ProductNames } from '@slipway/platform-contract';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Rewrites every spelling of one product name in a text to another's: `slipway` (kebab),
 * `slipway_` and `_slipway` (snake), `slipwayX` (camel) and `SLIPWAY` (constant). The
 * capitalized `Slipway` of prose is the template's own name and stays, and so does a scope
 * (`@<name>`, `@<name>-labs`), which the scope rename owns. A word that only
 * contains the name (`slipways`) is rewritten too: the name is not meant to appear otherwise.
 * @example renameProduct('ns: slipway-dev, db: slipway_test', productNamesOf('slipway'), productNamesOf('zz-platform'))
 * // 'ns: zz-platform-dev, db: zz_platform_test'
 */
export function renameProduct(text: string, from: ProductNames, to: ProductNames): string {
  if (from.name === to.name) return text;
  const constant = from.ciVariablePrefix.slice(0, -1);
  const spellings = [...new Set([constant, from.snakeCase, from.camelCase, from.name])].sort(
    (a, b) => b.length - a.length,
  );
  const pattern = new RegExp(spellings.map(escapeRegExp).join('|'), 'g');
  return text.replace(pattern, (match, offset: number, whole: string) => {
    if (match === constant) return to.ciVariablePrefix.slice(0, -1);
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + match.length] ?? '';
    // A scope (`@<name>`, `@<name>-labs`) is the scope rename's business; `@@<name>-…@@`
    // markers are not scopes.
    if (before === '@' && whole[offset - 2] !== '@') return match;
    if (match === from.snakeCase && (before === '_' || after === '_')) return to.snakeCase;
    if (match === from.camelCase && /[A-Z]/.test(after)) return to.camelCase;
    if (match === from.name) return to.name;
    if (match === from.snakeCase) return to.snakeCase;
    return to.camelCase;
  });
}
