/**
 * Whether a repository-relative path matches a glob pattern: `**` spans folders, `*` stays
 * within one segment, and anything else is literal (turbo.json's globalDependencies style).
 * @example matchesPattern('docker/Dockerfile', 'docker/**') // true
 */
export function matchesPattern(file: string, pattern: string): boolean {
  const normalized = pattern.replace(/^\.\//, '');
  let source = '';
  for (let i = 0; i < normalized.length; i++) {
    const char = normalized[i] ?? '';
    if (char === '*' && normalized[i + 1] === '*') {
      // `dir/**` also matches `dir` itself; `**/x` matches `x` at any depth.
      if (normalized[i + 2] === '/') {
        source += '(?:.*/)?';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`).test(file);
}
