import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPlan, type ChangePlan, describePlan, normalizePlan } from './change-plan.ts';

let root: string;

/** Every file under `dir` with its content, dot-folders included: the whole tree. */
function snapshot(dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) Object.assign(files, snapshot(dir, path));
    else files[path] = readFileSync(join(dir, path), 'utf8');
  }
  return files;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'change-plan-'));
  mkdirSync(join(root, 'apps/orders'), { recursive: true });
  writeFileSync(join(root, 'apps/orders/service.yaml'), 'name: orders\n');
  mkdirSync(join(root, 'infra/cluster-gke'), { recursive: true });
  writeFileSync(join(root, 'infra/cluster-gke/index.ts'), 'export {};\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const plan: ChangePlan = {
  directories: [
    {
      path: 'apps/billing',
      files: [
        { path: 'package.json', content: '{}\n' },
        { path: 'src/app.ts', content: 'export {};\n' },
      ],
    },
  ],
  files: [
    { path: 'apps/orders/service.yaml', content: 'name: orders\ncalledBy: [billing]\n' },
    { path: '.github/CODEOWNERS', content: '/apps/billing/ @acme/pay\n' },
  ],
  removals: ['infra/cluster-gke'],
};

describe('applyPlan', () => {
  it('writes new folders, rewrites and creates files, removes folders, and leaves no temporary file', () => {
    applyPlan(root, plan);
    expect(snapshot(root)).toEqual({
      'apps/billing/package.json': '{}\n',
      'apps/billing/src/app.ts': 'export {};\n',
      'apps/orders/service.yaml': 'name: orders\ncalledBy: [billing]\n',
      '.github/CODEOWNERS': '/apps/billing/ @acme/pay\n',
    });
    expect(readdirSync(join(root, 'infra'))).toEqual([]);
  });

  it.each([1, 2, 3, 4])(
    'leaves the tree exactly as it was when write number %i fails',
    (failAt) => {
      const before = snapshot(root);
      let writes = 0;
      const writeFile = (path: string, content: string) => {
        writes += 1;
        if (writes === failAt) throw new Error('ENOSPC: no space left on device');
        writeFileSync(path, content);
      };
      expect(() => applyPlan(root, plan, { writeFile })).toThrow('ENOSPC');
      expect(snapshot(root)).toEqual(before);
      expect(readdirSync(join(root, 'apps')).sort()).toEqual(['orders']);
    },
  );

  it.each([1, 2, 3, 4, 5])(
    'undoes every step taken when move number %i into place fails',
    (failAt) => {
      const before = snapshot(root);
      let renames = 0;
      const rename = (from: string, to: string) => {
        renames += 1;
        if (renames === failAt) throw new Error('EACCES: permission denied');
        renameSync(from, to);
      };
      expect(() => applyPlan(root, plan, { rename })).toThrow('EACCES');
      expect(snapshot(root)).toEqual(before);
      expect(readdirSync(join(root, 'apps')).sort()).toEqual(['orders']);
      expect(readdirSync(join(root, 'infra'))).toEqual(['cluster-gke']);
    },
  );

  it('runs every other undo step when one fails, and names what it could not restore', () => {
    let renames = 0;
    // Move 5 (the removal) fails; so does move 6, the first undo rename: putting the old
    // apps/orders/service.yaml back.
    const rename = (from: string, to: string) => {
      renames += 1;
      if (renames === 5) throw new Error('EACCES: permission denied');
      if (renames === 6) throw new Error('EIO: i/o error');
      renameSync(from, to);
    };

    expect(() => applyPlan(root, plan, { rename })).toThrow(
      /^EACCES: permission denied\nUndoing the change failed for: .*apps\/orders\/service\.yaml \(EIO: i\/o error\)\. Restore them from git/,
    );
    expect(readdirSync(join(root, 'apps')).sort()).toEqual(['orders']);
    expect(readdirSync(join(root, 'infra'))).toEqual(['cluster-gke']);
    expect(existsSync(join(root, '.github/CODEOWNERS'))).toBe(false);
  });

  it('gives a new folder the mode of the folder it joins, as its siblings have', () => {
    chmodSync(join(root, 'apps'), 0o755);
    applyPlan(root, plan);
    expect(statSync(join(root, 'apps/billing')).mode & 0o777).toBe(0o755);
  });

  it('refuses to write a folder that already exists, changing nothing', () => {
    mkdirSync(join(root, 'apps/billing'));
    const before = snapshot(root);
    expect(() => applyPlan(root, plan)).toThrow('apps/billing already exists');
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(join(root, 'infra'))).toEqual(['cluster-gke']);
  });
});

describe('normalizePlan and describePlan', () => {
  it('keeps the last content of a file planned twice and drops files inside removed folders', () => {
    const normalized = normalizePlan({
      directories: [],
      files: [
        { path: 'platform.json', content: 'first' },
        { path: 'infra/cluster-gke/package.json', content: 'renamed' },
        { path: 'platform.json', content: 'second' },
      ],
      removals: ['infra/cluster-gke'],
    });
    expect(normalized.files).toEqual([{ path: 'platform.json', content: 'second' }]);
  });

  it('lists created, updated and removed paths relative to the root', () => {
    expect(describePlan(plan)).toEqual({
      created: ['apps/billing/package.json', 'apps/billing/src/app.ts'],
      updated: ['.github/CODEOWNERS', 'apps/orders/service.yaml'],
      removed: ['infra/cluster-gke'],
    });
  });
});
