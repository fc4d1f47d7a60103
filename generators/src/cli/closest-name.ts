/** How many single-character edits (insert, delete, replace) turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The name a mistyped one most likely meant: the nearest within two edits (half the
 * name at most), or undefined when none is that near.
 * @example closestName('nmae', ['name', 'description']) // 'name'
 */
export function closestName(typed: string, names: readonly string[]): string | undefined {
  const limit = Math.min(2, Math.max(1, Math.floor(typed.length / 2)));
  const ranked = names
    .map((name) => ({ name, distance: editDistance(typed, name) }))
    .filter((n) => n.distance <= limit)
    .sort((a, b) => a.distance - b.distance);
  return ranked[0]?.name;
}
