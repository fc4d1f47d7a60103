import { describe, expect, it } from 'vitest';
import { imageVersion } from '../src/labels.js';

describe('imageVersion', () => {
  it.each([
    ['ghcr.io/acme/orders:1.4.2', '1.4.2'],
    ['localhost:5000/orders:sha-1a2b3c', 'sha-1a2b3c'],
    [`ghcr.io/acme/orders@sha256:${'ab'.repeat(32)}`, 'abababababab'],
    [`ghcr.io/acme/orders:1.4.2@sha256:${'ab'.repeat(32)}`, '1.4.2'],
    [`ghcr.io/acme/orders:${'x'.repeat(80)}`, 'x'.repeat(63)],
  ])('%s → %s', (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });
});
