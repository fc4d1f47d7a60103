/**
 * Names a value the way an error message shows what it got: its kind and, when short, itself.
 * @example describeValue('abc') // "string 'abc'"
 * @example describeValue([1, 2]) // 'a list'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'an empty value (null)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `string '${shown}'`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  if (typeof value === 'object') return 'a map of fields';
  return typeof value;
}

/** Names a type that zod expects in words a manifest author uses. */
export function describeExpected(expected: string): string {
  const words: Record<string, string> = {
    object: 'a map of fields',
    array: 'a list',
    record: 'a map of names to values',
    int: 'an integer',
  };
  return words[expected] ?? expected;
}
