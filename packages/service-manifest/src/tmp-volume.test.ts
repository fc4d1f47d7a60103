import { describe, expect, it } from 'vitest';
import { formatByteQuantity, parseByteQuantity } from './byte-quantity.ts';
import { tmpVolumeHeadroom, tmpVolumeSizeLimit } from './tmp-volume.ts';

describe('tmpVolumeSizeLimit', () => {
  it.each([
    ['256Mi', '192Mi'],
    ['1Gi', '960Mi'],
    ['100M', '32891136'],
  ])('leaves %s minus the headroom to /tmp: %s', (limit, expected) => {
    expect(tmpVolumeSizeLimit(limit)).toBe(expected);
  });

  it('is always strictly below the limit', () => {
    const limit = parseByteQuantity('128Mi') ?? 0;
    expect(parseByteQuantity(tmpVolumeSizeLimit('128Mi'))).toBeLessThan(limit);
  });

  it('refuses a limit that leaves no room above the headroom', () => {
    expect(() => tmpVolumeSizeLimit(tmpVolumeHeadroom)).toThrow('leaves /tmp no room');
  });
});

describe('byte quantities', () => {
  it.each([
    ['64Mi', 64 * 2 ** 20],
    ['1G', 1e9],
    ['2Ki', 2048],
    ['512', 512],
  ])('reads %s as %d bytes', (text, bytes) => {
    expect(parseByteQuantity(text)).toBe(bytes);
  });

  it('reads nothing that is not a quantity', () => {
    expect(parseByteQuantity('64 MB')).toBeUndefined();
  });

  it.each([
    [2 ** 30, '1Gi'],
    [192 * 2 ** 20, '192Mi'],
    [3 * 1024, '3Ki'],
    [1000, '1000'],
  ])('writes %d bytes as %s', (bytes, text) => {
    expect(formatByteQuantity(bytes)).toBe(text);
  });
});
