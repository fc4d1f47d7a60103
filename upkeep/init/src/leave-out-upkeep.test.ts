import { describe, expect, it } from 'vitest';
import { repositoryOf } from '../test/repository-of.ts';
import {
  forkJsonSettings,
  forkRootPackage,
  leaveOutUpkeep,
  stripUpkeepBlocks,
} from './leave-out-upkeep.ts';

describe('stripUpkeepBlocks', () => {
  it.each([
    ['Markdown', 'a\n<!-- upkeep -->\nb\n<!-- /upkeep -->\nc\n', 'a\nc\n'],
    ['shell and YAML', 'a\n  # upkeep\n  b\n  # /upkeep\nc', 'a\nc'],
    ['TypeScript', "[\n  'a',\n  // upkeep\n  'b',\n  // /upkeep\n]", "[\n  'a',\n]"],
    ['two blocks', '# upkeep\na\n# /upkeep\nb\n# upkeep\nc\n# /upkeep\n', 'b\n'],
    ['a block between blank lines', 'a\n\n# upkeep\nb\n# /upkeep\n\nc\n', 'a\n\nc\n'],
  ])('should remove a %s block, its markers included', (_syntax, text, stripped) => {
    expect(stripUpkeepBlocks(text)).toBe(stripped);
  });

  it('should leave a text without blocks as it is, a mention of upkeep in prose included', () => {
    const text = 'the upkeep of a fork\n# upkeep is ours\n';
    expect(stripUpkeepBlocks(text)).toBe(text);
  });

  it.each([
    ['a\n# upkeep\nb\n', 'README.md:2: an upkeep block is never closed'],
    ['a\n# /upkeep\n', 'README.md:2: an upkeep block closes without opening'],
    ['# upkeep\n# upkeep\n# /upkeep\n', 'README.md:2: an upkeep block opens inside another'],
  ])('should refuse a block that does not close: %j', (text, message) => {
    expect(() => stripUpkeepBlocks(text, 'README.md')).toThrow(message);
  });
});

describe('forkRootPackage', () => {
  it('should drop the workspaces under upkeep/, the scripts into them and their pre scripts', () => {
    const pkg = {
      workspaces: ['apps/*', 'generators', 'upkeep/bench', 'upkeep/init'],
      scripts: {
        test: 'turbo run test',
        pretest: 'node scripts/check-installed.js',
        bench: 'npm run bench --workspace upkeep/bench --',
        preinit: 'node scripts/check-installed.js',
        init: 'npm run init --workspace upkeep/init --',
        'test:cluster': 'turbo run test:cluster --filter=./upkeep/cluster-tests',
        'pretest:cluster': 'node scripts/check-installed.js',
      },
    };
    expect(JSON.parse(forkRootPackage(JSON.stringify(pkg)))).toEqual({
      workspaces: ['apps/*', 'generators'],
      scripts: { test: 'turbo run test', pretest: 'node scripts/check-installed.js' },
    });
  });
});

describe('forkJsonSettings', () => {
  it('should drop the list entries that point into upkeep/, at any depth', () => {
    const settings = {
      files: { includes: ['**', '!upkeep/**'] },
      tasks: { test: { inputs: ['$TURBO_DEFAULT$', '$TURBO_ROOT$/upkeep/bench/package.json'] } },
    };
    expect(JSON.parse(forkJsonSettings(JSON.stringify(settings)))).toEqual({
      files: { includes: ['**'] },
      tasks: { test: { inputs: ['$TURBO_DEFAULT$'] } },
    });
  });

  it('should remove only the lines of those entries, the rest of the file as it was', () => {
    const text = [
      '{',
      '  "vcs": { "enabled": true },',
      '  "includes": [',
      '    "apps/**",',
      '    "upkeep/**"',
      '  ]',
      '}',
      '',
    ].join('\n');
    expect(forkJsonSettings(text)).toBe(
      '{\n  "vcs": { "enabled": true },\n  "includes": [\n    "apps/**"\n  ]\n}\n',
    );
  });

  it('should keep a file that names no upkeep entry byte for byte', () => {
    const text = '{ "includes": ["apps/**"] }';
    expect(forkJsonSettings(text)).toBe(text);
  });

  it('should strip the marked blocks of JSON with comments', () => {
    const text = '{\n  // upkeep\n  "a": 1,\n  // /upkeep\n  "b": 2\n}';
    expect(forkJsonSettings(text)).toBe('{\n  "b": 2\n}');
  });
});

describe('leaveOutUpkeep', () => {
  it('should remove upkeep/ and the files that are one block, and strip the others', () => {
    const root = repositoryOf({
      'upkeep/init/package.json': '{}',
      'package.json': JSON.stringify({ workspaces: ['apps/*', 'upkeep/init'] }),
      'README.md': '# Platform\n<!-- upkeep -->\nnpm run bench\n<!-- /upkeep -->\n',
      'docs/testing.md': 'no block here\n',
      '.github/workflows/e2e-kind.yml': '# upkeep\nname: kind\n# /upkeep\n',
    });
    const { files, removals } = leaveOutUpkeep(root, []);
    expect(removals.sort()).toEqual(['.github/workflows/e2e-kind.yml', 'upkeep']);
    expect(Object.fromEntries(files.map((f) => [f.path, f.content]))).toEqual({
      'package.json': `${JSON.stringify({ workspaces: ['apps/*'] }, null, 2)}\n`,
      'README.md': '# Platform\n',
    });
  });

  it('should strip the content init already planned, not the one on disk', () => {
    const root = repositoryOf({
      'upkeep/x.md': '',
      'README.md': '@slipway\n# upkeep\nb\n# /upkeep\n',
    });
    const planned = [{ path: 'README.md', content: '@acme\n# upkeep\nb\n# /upkeep\n' }];
    expect(leaveOutUpkeep(root, planned).files).toEqual([
      { path: 'README.md', content: '@acme\n' },
    ]);
  });

  it('should change nothing in a repository without upkeep/ (a fork)', () => {
    const root = repositoryOf({ 'README.md': '# upkeep\nb\n# /upkeep\n' });
    const planned = [{ path: 'a.md', content: 'a' }];
    expect(leaveOutUpkeep(root, planned)).toEqual({ files: planned, removals: [] });
  });
});
