import { describe, expect, it } from 'vitest';
import { checkImageReference } from '@slipway/infra-policy';
import { imageVersion, parseImageReference } from './image-reference.ts';

const digest = `sha256:${'ab'.repeat(32)}`;
const commit = '3f9c2e1d0b8a7c6e5f4d3c2b1a0f9e8d7c6b5a49';

describe('parseImageReference', () => {
  it.each([
    [
      `ghcr.io/acme/orders:${commit}@${digest}`,
      { repository: 'ghcr.io/acme/orders', tag: commit, digest },
    ],
    [`ghcr.io/acme/orders@${digest}`, { repository: 'ghcr.io/acme/orders', digest }],
    ['localhost:5000/orders:dev', { repository: 'localhost:5000/orders', tag: 'dev' }],
    ['localhost:5000/orders', { repository: 'localhost:5000/orders' }],
  ])('splits %s', (image, parts) => {
    expect(parseImageReference(image)).toEqual(parts);
  });
});

describe('imageVersion', () => {
  it.each([
    ['ghcr.io/acme/orders:1.4.2', '1.4.2'],
    ['localhost:5000/orders:sha-1a2b3c', 'sha-1a2b3c'],
    [`ghcr.io/acme/orders@${digest}`, 'abababababab'],
    [`ghcr.io/acme/orders:1.4.2@${digest}`, '1.4.2'],
    [`ghcr.io/acme/orders:${commit}@${digest}`, commit],
    [`ghcr.io/acme/orders:${'x'.repeat(80)}`, 'x'.repeat(63)],
  ])('%s → %s', (image, version) => {
    expect(imageVersion(image)).toBe(version);
  });
});

describe('the reference CI writes, <tag of the last change>@<digest>', () => {
  it('passes the policy image check, as digest-only does', () => {
    expect(checkImageReference(`ghcr.io/acme/orders:${commit}@${digest}`)).toBeUndefined();
    expect(checkImageReference(`ghcr.io/acme/orders@${digest}`)).toBeUndefined();
  });

  it('is refused by the policy when the digest is malformed', () => {
    expect(checkImageReference(`ghcr.io/acme/orders:${commit}@sha256:abc`)).toMatch(
      /malformed digest/,
    );
  });
});
