import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ServiceSync } from './plan-sync.ts';

/**
 * The unified diff of what sync would write (`--dry-run`), as `git diff` shows a change:
 * paths relative to the repository root, records included.
 * @example stdout(syncDiff(root, plans))
 */
export function syncDiff(root: string, plans: readonly ServiceSync[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-sync-diff-'));
  try {
    const put = (side: 'a' | 'b', path: string, content: string) => {
      mkdirSync(dirname(join(dir, side, path)), { recursive: true });
      writeFileSync(join(dir, side, path), content);
    };
    const before = (path: string) => {
      const file = join(root, path);
      if (existsSync(file)) put('a', path, readFileSync(file, 'utf8'));
    };
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    for (const plan of plans) {
      for (const change of [...plan.changes, { kind: 'update' as const, ...plan.record }]) {
        before(change.path);
        if (change.kind !== 'remove') put('b', change.path, change.content);
      }
    }
    const result = spawnSync('git', ['diff', '--no-index', '--no-color', '--', 'a', 'b'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    // git names the sides a/<folder>/<path> and b/<folder>/<path>, the folders being a and b.
    return result.stdout.replace(/^(diff --git|---|\+\+\+) .*$/gm, (line) =>
      line.replace(/ a\/[ab]\//g, ' a/').replace(/ b\/[ab]\//g, ' b/'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
