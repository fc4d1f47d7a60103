import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFiles, memoryFiles, type RepoFiles, walkFiles } from '../shared/repo-files.ts';

/**
 * Where a repository keeps its generator templates, relative to its root; the template
 * version is the git tree of this folder.
 */
export const templatesFolder = 'generators/templates';

/** A template version git cannot give back, named with what to do. */
export class TemplateVersionError extends Error {
  override readonly name = 'TemplateVersionError';
}

type HashName = 'sha1' | 'sha256';

function gitObjectId(hash: HashName, type: 'blob' | 'tree', content: Buffer): Buffer {
  return createHash(hash).update(`${type} ${content.length}\0`).update(content).digest();
}

/** Git sorts a tree's entries by name, a folder's name read as if it ended in '/'. */
const sortKey = (name: string, folder: boolean) => (folder ? `${name}/` : name);

function treeOf(dir: string, hash: HashName): Buffer {
  const entries = readdirSync(dir, { withFileTypes: true })
    .map((entry) => ({ entry, key: sortKey(entry.name, entry.isDirectory()) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts = entries.flatMap(({ entry }) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      // Git stores no empty folder, so neither does its tree id.
      if (readdirSync(path).length === 0) return [];
      return [Buffer.from(`40000 ${entry.name}\0`), gitObjectId(hash, 'tree', treeOf(path, hash))];
    }
    const mode = (statSync(path).mode & 0o111) !== 0 ? '100755' : '100644';
    return [Buffer.from(`${mode} ${entry.name}\0`), gitObjectId(hash, 'blob', readFileSync(path))];
  });
  return Buffer.concat(parts);
}

/**
 * The git tree id of a templates folder as it is on disk, committed or not: the id
 * `git rev-parse HEAD:generators/templates` prints once it is committed. Content-addressed, so
 * a rebase or a squash merge keeps it, and `git archive <id>` gives the templates back.
 * Computed here rather than with `git write-tree`, which would write into the repository.
 * @example templateTreeId(join(root, templatesFolder)) // '90158e0b6de4dcefd60af1777cfc4dbd31b99ef9'
 */
export function templateTreeId(dir: string, hash: HashName = 'sha1'): string {
  return gitObjectId(hash, 'tree', treeOf(dir, hash)).toString('hex');
}

function git(root: string, args: readonly string[]) {
  return spawnSync('git', args, { cwd: root, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
}

/** The object format of the repository at `root` (sha1 unless it was made with sha256). */
export function repositoryHash(root: string): HashName {
  const result = git(root, ['rev-parse', '--show-object-format']);
  return result.status === 0 && result.stdout.toString().trim() === 'sha256' ? 'sha256' : 'sha1';
}

/**
 * Writes the templates of a recorded version into `into`: `version` is the tree id of the
 * templates folder, or a commit (whose templates folder is taken).
 * @throws TemplateVersionError when the repository does not hold that version.
 * @example extractTemplates(root, record.version, join(tmp, 'base'))
 */
function extractTemplates(root: string, version: string, into: string): void {
  const type = git(root, ['cat-file', '-t', version]);
  const kind = type.status === 0 ? type.stdout.toString().trim() : '';
  if (kind !== 'tree' && kind !== 'commit') {
    throw new TemplateVersionError(
      `the template version ${version} is not in this repository's git history (${
        git(root, ['rev-parse', '--git-dir']).status === 0
          ? 'a branch that was never merged, or a shallow clone: git fetch --unshallow'
          : 'not a git repository: sync reads the templates as they were from git'
      }). Point "version" at a commit whose ${templatesFolder} the service was last brought up to, e.g. the commit that created it (git log --diff-filter=A -- <service>/package.json).`,
    );
  }
  const tree = kind === 'commit' ? `${version}:${templatesFolder}` : version;
  const archive = git(root, ['archive', '--format=tar', tree]);
  if (archive.status !== 0) {
    throw new TemplateVersionError(
      `git archive ${tree} failed: ${archive.stderr.toString().trim()}`,
    );
  }
  mkdirSync(into, { recursive: true });
  const tar = spawnSync('tar', ['-x', '-C', into], { input: archive.stdout });
  if (tar.status !== 0) throw new Error(`tar could not unpack ${tree}: ${tar.stderr.toString()}`);
}

/**
 * The templates of a recorded version as a read-only view held in memory: unpacked from git
 * into a scratch folder that is gone before this returns.
 * @throws TemplateVersionError when the repository does not hold that version.
 * @example readTemplatesAt(root, record.version).read('service/package.json.hbs')
 */
export function readTemplatesAt(root: string, version: string): RepoFiles {
  const scratch = mkdtempSync(join(tmpdir(), 'slipway-templates-'));
  try {
    extractTemplates(root, version, scratch);
    const onDisk = diskFiles(scratch);
    return memoryFiles(
      Object.fromEntries(walkFiles(onDisk, '').map((path) => [path, onDisk.read(path) ?? ''])),
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
