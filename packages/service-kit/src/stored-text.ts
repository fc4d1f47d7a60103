import { z } from '@hono/zod-openapi';

/** Options of {@link storedText}. */
export interface StoredTextOptions {
  /** Fewest characters (Unicode code points) accepted; defaults to 0. */
  readonly minLength?: number;
  /** Most characters (Unicode code points) accepted. Every stored text has a bound. */
  readonly maxLength: number;
}

// Documented in the OpenAPI document, so clients and fuzzers know NUL is refused. Lone
// surrogates are left out of the pattern: without the `u` flag a JavaScript validator would
// read `[^\uD800-\uDFFF]` as refusing every emoji.
const noNulPattern = '^[^\\u0000]*$';

/**
 * A string schema for text a service stores: it refuses what PostgreSQL cannot keep — NUL
 * (U+0000), which `text` refuses with an error, and unpaired UTF-16 surrogates, which have no
 * UTF-8 form and would be stored as U+FFFD — and counts its length in Unicode code points, as
 * JSON Schema's `minLength` and `maxLength` in `/openapi.json` do. Invalid input is a 400
 * problem whose `errors[].pointer` names the field.
 *
 * @example
 * const itemSchema = z.object({
 *   sku: storedText({ minLength: 1, maxLength: 64 }).openapi({ example: 'SKU-1234' }),
 * });
 */
export function storedText({ minLength = 0, maxLength }: StoredTextOptions) {
  return z
    .string()
    .superRefine(function checkStoredText(value, ctx) {
      if (value.includes('\u0000')) {
        ctx.addIssue({ code: 'custom', message: 'Must not contain NUL characters (U+0000)' });
      }
      if (!value.isWellFormed()) {
        ctx.addIssue({
          code: 'custom',
          message: 'Must not contain unpaired UTF-16 surrogates (not valid Unicode text)',
        });
      }
      const length = codePointLength(value);
      if (length < minLength) {
        ctx.addIssue({
          code: 'custom',
          message: `Too short: expected at least ${minLength} ${characters(minLength)}`,
        });
      } else if (length > maxLength) {
        ctx.addIssue({
          code: 'custom',
          message: `Too long: expected at most ${maxLength} ${characters(maxLength)}`,
        });
      }
    })
    .openapi({
      minLength,
      maxLength,
      pattern: noNulPattern,
      description: 'Unicode text without NUL; lengths count code points.',
    });
}

/** The number of Unicode code points in `value`: a surrogate pair counts once. */
function codePointLength(value: string): number {
  let count = 0;
  for (let index = 0; index < value.length; index += 1) {
    const unit = value.charCodeAt(index);
    const next = value.charCodeAt(index + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    count += 1;
  }
  return count;
}

function characters(count: number): string {
  return count === 1 ? 'character (Unicode code point)' : 'characters (Unicode code points)';
}
