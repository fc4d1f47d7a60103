import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A read-only view of a folder's files, paths relative to it with `/`: all a planner may
 * read. On disk for a run, in memory for a test; nothing can write through it.
 */
export interface RepoFiles {
  /** The file's text, or undefined when there is no such file. */
  read(path: string): string | undefined;
  /** Whether a file or folder is there. */
  exists(path: string): boolean;
  /** The entries of a folder, sorted, folders ending in `/`; empty when it is not there. */
  list(dir: string): string[];
}

/**
 * The files under `root` on disk, each read once when first asked: a snapshot of what the
 * planner saw, which the runner compares with the disk before writing.
 * @example diskFiles(repoRoot).read('apps/orders/service.yaml')
 */
export function diskFiles(root: string): RepoFiles {
  const at = (path: string) => join(root, path);
  const texts = new Map<string, string | undefined>();
  return {
    read: (path) => {
      if (!texts.has(path)) {
        const file = at(path);
        const isFile = existsSync(file) && statSync(file).isFile();
        texts.set(path, isFile ? readFileSync(file, 'utf8') : undefined);
      }
      return texts.get(path);
    },
    exists: (path) => existsSync(at(path)),
    list: (dir) => {
      const folder = at(dir);
      if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
      return readdirSync(folder, { withFileTypes: true })
        .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
        .sort();
    },
  };
}

/**
 * A tree held in memory, from paths to texts: the virtual tree planners are tested on.
 * @example memoryFiles({ 'apps/orders/service.yaml': 'name: orders\n' }).list('apps') // ['orders/']
 */
export function memoryFiles(files: Readonly<Record<string, string>>): RepoFiles {
  const paths = Object.keys(files);
  const prefix = (dir: string) => (dir === '' || dir === '.' ? '' : `${dir.replace(/\/$/, '')}/`);
  return {
    read: (path) => files[path],
    exists: (path) => path in files || paths.some((p) => p.startsWith(prefix(path))),
    list: (dir) => {
      const inside = paths.filter((p) => p.startsWith(prefix(dir)));
      const names = inside.map((p) => {
        const rest = p.slice(prefix(dir).length);
        const slash = rest.indexOf('/');
        return slash === -1 ? rest : rest.slice(0, slash + 1);
      });
      return [...new Set(names)].sort();
    },
  };
}

/**
 * Every file under `dir`, recursively, relative to the view's root; folders named in `skip`
 * (output such as `node_modules`) are left out.
 * @example walkFiles(files, 'apps/orders') // ['apps/orders/package.json', ...]
 */
export function walkFiles(
  files: RepoFiles,
  dir: string,
  skip: ReadonlySet<string> = new Set(),
): string[] {
  return files.list(dir).flatMap((entry) => {
    const path = dir === '' ? entry : `${dir}/${entry}`;
    if (!entry.endsWith('/')) return [path];
    return skip.has(entry.slice(0, -1)) ? [] : walkFiles(files, path.slice(0, -1), skip);
  });
}
