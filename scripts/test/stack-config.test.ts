import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setStackImagesCommand } from '../src/commands/set-stack-images.ts';
import {
  isImmutableImage,
  readPulumiProjectName,
  readStackImages,
  StackFileError,
  setStackImages,
  stackConfigPath,
} from '../src/stack-config.ts';
import { createMonorepoFixture, recordingContext } from './fixture-repo.ts';

const sha = 'c'.repeat(40);
const stackFile = `# Stack 'staging' of the services program.
config:
  slipway-services:namespace: slipway-staging # the environment namespace
  slipway-services:dataServices:
    orders:
      postgres:
        url:
          secure: v1:abc123
        cidr: 10.40.1.0/24
  slipway-services:images:
    orders: ghcr.io/acme/orders:${'0'.repeat(40)}
    retired: ghcr.io/acme/retired:${'0'.repeat(40)}
`;

describe('setStackImages', () => {
  const images = {
    orders: `ghcr.io/acme/orders:${sha}`,
    gateway: `ghcr.io/acme/gateway:${sha}`,
  };

  it('replaces the image map and keeps every other key, secure value and comment', () => {
    const next = setStackImages(stackFile, { project: 'slipway-services', images });
    expect(readStackImages(next, 'slipway-services')).toEqual(images);
    expect(next).toContain("# Stack 'staging' of the services program.");
    expect(next).toContain(
      'slipway-services:namespace: slipway-staging # the environment namespace',
    );
    expect(next).toContain('secure: v1:abc123');
    expect(next).toContain('cidr: 10.40.1.0/24');
    expect(next).not.toContain('retired');
  });

  it('is stable: setting the same images twice gives the same text', () => {
    const once = setStackImages(stackFile, { project: 'slipway-services', images });
    expect(setStackImages(once, { project: 'slipway-services', images })).toBe(once);
  });

  it('starts a config map in an empty or comment-only file', () => {
    for (const text of ['', '# new stack\n']) {
      const next = setStackImages(text, { project: 'p', images });
      expect(readStackImages(next, 'p')).toEqual(images);
    }
  });

  it.each([
    'ghcr.io/acme/orders:latest',
    'ghcr.io/acme/orders:v1.2.3',
    'ghcr.io/acme/orders',
    `orders:${sha}`,
  ])('refuses the mutable or unqualified image %s', (image) => {
    expect(() => setStackImages(stackFile, { project: 'p', images: { orders: image } })).toThrow(
      StackFileError,
    );
  });

  it('accepts SHA tags and digests, with or without a registry port', () => {
    expect(isImmutableImage(`ghcr.io/acme/orders:${sha}`)).toBe(true);
    expect(isImmutableImage(`ghcr.io/acme/orders:${sha}@sha256:${'d'.repeat(64)}`)).toBe(true);
    expect(isImmutableImage(`localhost:5000/orders@sha256:${'d'.repeat(64)}`)).toBe(true);
  });

  it('refuses stack names that could leave the program folder', () => {
    for (const stack of ['../prod', 'a/b', '', '.hidden']) {
      expect(() => stackConfigPath('/repo', stack)).toThrow(StackFileError);
    }
    expect(stackConfigPath('/repo', 'staging')).toBe('/repo/infra/services/Pulumi.staging.yaml');
  });
});

describe('set-stack-images CLI', () => {
  // Writing real images (digests from the build, kept from the deployment) is in stack-images.test.ts.
  it('refuses a SHA that is not a full commit SHA, before touching the file', () => {
    const repo = createMonorepoFixture();
    try {
      expect(() =>
        setStackImagesCommand(
          [
            '--root',
            repo.root,
            '--stack',
            'staging',
            '--sha',
            'latest',
            '--registry',
            'ghcr.io/acme',
          ],
          recordingContext(),
        ),
      ).toThrow(/full 40-character/);
    } finally {
      repo.remove();
    }
  });

  it('matches the services program of this repository (project slipway-services, key images)', () => {
    const root = join(import.meta.dirname, '../..');
    expect(readPulumiProjectName(root)).toBe('slipway-services');
    const staging = readFileSync(stackConfigPath(root, 'staging'), 'utf8');
    const next = setStackImages(staging, {
      project: 'slipway-services',
      images: { orders: `ghcr.io/acme/orders:${sha}` },
    });
    expect(readStackImages(next, 'slipway-services')).toEqual({
      orders: `ghcr.io/acme/orders:${sha}`,
    });
  });
});
