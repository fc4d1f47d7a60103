/**
 * True when `text` has no line break or other control character, so it can go into a
 * JSON string, a YAML scalar and a one-line comment as it is.
 * @example isSingleLine('Bills customers.') // true
 */
export function isSingleLine(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return false;
  }
  return true;
}
