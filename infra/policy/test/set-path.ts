/** Sets (or with `undefined`, deletes) a dotted path in a test object; numbers index arrays. */
export function setPath<T extends object>(obj: T, path: string, value: unknown): T {
  const keys = path.split('.');
  let current = obj as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    current[key] ??= {};
    current = current[key] as Record<string, unknown>;
  }
  const last = keys.at(-1) ?? '';
  if (value === undefined) delete current[last];
  else current[last] = value;
  return obj;
}
