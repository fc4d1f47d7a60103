import { evaluate } from '@marcbachmann/cel-js';
import { describe, expect, it } from 'vitest';
import { checkImageReference } from './check-image-reference.ts';
import {
  admittedImageExpression,
  checkAdmittedImage,
  registryPrefix,
} from './image-admission-rule.ts';

const registry = 'ghcr.io/acme';
const digest = `sha256:${'ab12'.repeat(16)}`;
const commit = '3f78a1c2'.repeat(5);

/** Each image and whether it may run in a service namespace. */
const images: readonly [string, boolean][] = [
  [`ghcr.io/acme/orders@${digest}`, true],
  [`ghcr.io/acme/orders:${commit}@${digest}`, true],
  [`ghcr.io/acme/team/orders@${digest}`, true],
  [`ghcr.io/acme/orders:${commit}`, false],
  ['ghcr.io/acme/orders:latest', false],
  ['ghcr.io/acme/orders', false],
  [`ghcr.io/acme/orders@sha256:${'AB12'.repeat(16)}`, false],
  [`ghcr.io/acme/orders@sha256:${'ab12'.repeat(15)}`, false],
  [`ghcr.io/acme/orders@sha512:${'ab12'.repeat(32)}`, false],
  [`ghcr.io/acme/orders@${digest}@${digest}`, false],
  [`ghcr.io/acme/or ders@${digest}`, false],
  [`ghcr.io/acme-evil/orders@${digest}`, false],
  [`ghcr.io/acmeorders@${digest}`, false],
  [`docker.io/acme/orders@${digest}`, false],
  [`orders@${digest}`, false],
  [`evil.example.com/ghcr.io/acme/orders@${digest}`, false],
  ['', false],
];

describe('the image admission rule', () => {
  it.each(images)('decides %s the same in JavaScript and in CEL (admitted: %s)', (image, ok) => {
    const admittedInCel = evaluate(admittedImageExpression('image', registry), { image });
    expect(admittedInCel).toBe(ok);
    expect(checkAdmittedImage(image, registry) === undefined).toBe(ok);
  });

  it('admits only images the workload check calls pinned', () => {
    for (const [image, ok] of images) {
      if (ok) expect(checkImageReference(image)).toBeUndefined();
    }
  });

  it('names what is wrong with a refused image', () => {
    expect(checkAdmittedImage(`docker.io/acme/orders@${digest}`, registry)).toMatch(
      /registry ghcr\.io\/acme\//,
    );
    expect(checkAdmittedImage(`ghcr.io/acme/orders:${commit}`, registry)).toMatch(/digest/);
  });

  it('ends the registry with one slash, however it is written', () => {
    expect(registryPrefix('ghcr.io/acme/')).toBe('ghcr.io/acme/');
  });
});
