import { describe, expect, it } from 'vitest';
import { stripMarkedBlocks } from './marked-blocks.ts';

describe('stripMarkedBlocks', () => {
  const text =
    'a\n<!-- cloud aws -->\nb\n<!-- /cloud aws -->\n<!-- cloud gcp -->\nc\n<!-- /cloud gcp -->\nd\n';

  it('removes the blocks of one tag, markers included, and leaves the others', () => {
    expect(stripMarkedBlocks(text, 'cloud gcp')).toBe(
      'a\n<!-- cloud aws -->\nb\n<!-- /cloud aws -->\nd\n',
    );
  });

  it('keeps what the blocks hold and drops only their markers with keepContent', () => {
    expect(stripMarkedBlocks(text, 'cloud aws', { keepContent: true })).toBe(
      'a\nb\n<!-- cloud gcp -->\nc\n<!-- /cloud gcp -->\nd\n',
    );
  });

  it('keeps a blank line around a kept block', () => {
    const spaced = 'a\n\n# cloud aws\nb\n# /cloud aws\n\nc\n';
    expect(stripMarkedBlocks(spaced, 'cloud aws', { keepContent: true })).toBe('a\n\nb\n\nc\n');
  });

  it('takes a tag as text, not a pattern', () => {
    expect(stripMarkedBlocks('# a.c\nx\n# /a.c\n# abc\ny\n# /abc\n', 'a.c')).toBe(
      '# abc\ny\n# /abc\n',
    );
  });

  it('names the tag and the line of a block left open', () => {
    expect(() => stripMarkedBlocks('a\n// cloud azure\n', 'cloud azure', { path: 'x.ts' })).toThrow(
      'x.ts:2: a cloud azure block is never closed',
    );
  });
});
