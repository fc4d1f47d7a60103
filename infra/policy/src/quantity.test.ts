import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity.ts';

describe('parseQuantity', () => {
  it.each([
    ['256Mi', 256 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1.5G', 1.5e9],
    ['500m', 0.5],
    ['1e3', 1000],
    ['100k', 1e5],
    ['42', 42],
  ])('reads %s as %d', (text, value) => {
    expect(parseQuantity(text)).toBe(value);
  });

  it.each(['', '64 MB', 'Mi', '1KiB', undefined])('reads no quantity in %j', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
