import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8Offset } from '../src/utf8-offset.ts';

const strict = new TextDecoder('utf-8', { fatal: true });
const isUtf8 = (bytes: Uint8Array) => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** A seeded generator (mulberry32), so every run checks the same byte strings. */
function randomBytes(seed: number): (length: number) => Uint8Array {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // Mostly bytes near the UTF-8 boundaries, where the rules are.
  const interesting = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf];
  interesting.push(0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff);
  return (length) =>
    Uint8Array.from({ length }, () =>
      next() < 0.6
        ? (interesting[Math.floor(next() * interesting.length)] as number)
        : Math.floor(next() * 256),
    );
}

describe('firstInvalidUtf8Offset', () => {
  it.each([
    ['ASCII', [0x61, 0x62], -1],
    ['a 2, 3 and 4-byte character', [0xc3, 0xa9, 0xe6, 0x97, 0xa5, 0xf0, 0x9f, 0x9a, 0xa2], -1],
    ['a Latin-1 byte', [0x61, 0xe9, 0x62], 1],
    ['a lone continuation byte', [0x61, 0x80], 1],
    ['an overlong NUL', [0x61, 0xc0, 0x80], 1],
    ['an overlong 3-byte form', [0xe0, 0x80, 0x80], 0],
    ['a UTF-16 surrogate', [0x61, 0x62, 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a truncated sequence at the end', [0x61, 0xe6, 0x97], 1],
    ['0xFF', [0xff], 0],
  ])('finds %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Offset(Uint8Array.from(bytes))).toBe(offset);
  });

  it('agrees with TextDecoder on 20 000 random byte strings', () => {
    const generate = randomBytes(18);
    for (let run = 0; run < 20_000; run += 1) {
      const bytes = generate(1 + (run % 12));
      const offset = firstInvalidUtf8Offset(bytes);
      expect(offset === -1, `bytes ${bytes}`).toBe(isUtf8(bytes));
      if (offset !== -1) {
        // Everything before the offset is well-formed, and the sequence at it can't be completed.
        expect(isUtf8(bytes.subarray(0, offset)), `bytes ${bytes}`).toBe(true);
        expect(isUtf8(bytes.subarray(0, offset + 4)), `bytes ${bytes}`).toBe(false);
      }
    }
  });
});
