import { describe, expect, it } from 'vitest';
import { hasConflictMarkers, mergeFile, wholeFileConflict } from './merge-file.ts';

const labels = { ours: 'apps/billing/README.md', theirs: 'template' };
const base = 'one\ntwo\nthree\nfour\nfive\n';

describe('mergeFile', () => {
  it.each([
    [
      'takes the template side when the team changed nothing',
      base,
      'one\n2\nthree\nfour\nfive\n',
      'one\n2\nthree\nfour\nfive\n',
    ],
    [
      'keeps the team side when the template changed nothing',
      'one\n2\nthree\nfour\nfive\n',
      base,
      'one\n2\nthree\nfour\nfive\n',
    ],
    [
      'merges changes to different lines',
      'ONE\ntwo\nthree\nfour\nfive\n',
      'one\ntwo\nthree\nfour\nFIVE\n',
      'ONE\ntwo\nthree\nfour\nFIVE\n',
    ],
    [
      'takes the same change once',
      'one\n2\nthree\nfour\nfive\n',
      'one\n2\nthree\nfour\nfive\n',
      'one\n2\nthree\nfour\nfive\n',
    ],
  ])('%s', (_case, ours, theirs, merged) => {
    expect(mergeFile({ base, ours, theirs }, labels)).toEqual({ content: merged, conflicts: 0 });
  });

  it('leaves a change of the same line on both sides between markers, and counts it', () => {
    const merged = mergeFile(
      { base, ours: 'one\nTWO\nthree\nfour\nfive\n', theirs: 'one\n2\nthree\nfour\nfive\n' },
      labels,
    );
    expect(merged).toEqual({
      content:
        'one\n<<<<<<< apps/billing/README.md\nTWO\n=======\n2\n>>>>>>> template\nthree\nfour\nfive\n',
      conflicts: 1,
    });
    expect(hasConflictMarkers(merged.content)).toBe(true);
  });
});

describe('wholeFileConflict', () => {
  it('puts a deleted side and a changed side between markers', () => {
    const text = wholeFileConflict('', 'export {};', {
      ours: 'a.ts (deleted)',
      theirs: 'template',
    });
    expect(text).toBe('<<<<<<< a.ts (deleted)\n=======\nexport {};\n>>>>>>> template\n');
    expect(hasConflictMarkers(text)).toBe(true);
    expect(hasConflictMarkers('a <<<<<<< b\n')).toBe(false);
  });
});
