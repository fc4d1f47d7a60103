import { describe, expect, it } from 'vitest';
import { isPreviewStack, previewStackConfig } from './preview-stack-config.ts';

const project = 'acme-services';
const digest = (c: string) => `sha256:${c.repeat(64)}`;
const sha = 'a'.repeat(40);
const stagingImages = {
  web: `ghcr.io/acme/web:${sha}@${digest('1')}`,
  orders: `ghcr.io/acme/orders:${sha}@${digest('2')}`,
  stock: `ghcr.io/acme/stock:${sha}@${digest('3')}`,
};
const built = `ghcr.io/acme/web:${'b'.repeat(40)}@${digest('4')}`;
const staging = {
  stack: 'staging',
  config: {
    [`${project}:namespace`]: { value: 'acme-staging' },
    [`${project}:images`]: { value: JSON.stringify(stagingImages) },
    [`${project}:secrets`]: { value: '{"orders":{"API_KEY":"staging-key"}}', secret: true },
  },
};
const selection = { changed: ['web'], called: ['orders'], services: ['orders', 'web'] };
const input = {
  project,
  source: staging,
  pr: 7,
  expiresAt: '2026-01-08T00:00:00Z',
  selection,
  built: [built],
};

describe('previewStackConfig', () => {
  it("copies the source stack's config, secrets included as secrets, and adds the preview", () => {
    const { config } = previewStackConfig(input);
    expect(config[`${project}:secrets`]).toEqual(staging.config[`${project}:secrets`]);
    expect(config[`${project}:namespace`]).toEqual({ value: 'acme-staging' });
    expect(config[`${project}:environment`]).toEqual({ value: 'staging' });
    expect(JSON.parse(config[`${project}:preview`]?.value ?? '')).toEqual({
      pr: 7,
      expiresAt: '2026-01-08T00:00:00Z',
      services: ['orders', 'web'],
    });
  });

  it("takes a changed service's image from the pull request's build and the others' from the source stack", () => {
    const { config, images } = previewStackConfig(input);
    expect(images).toEqual({
      web: { image: built, from: 'pull request' },
      orders: { image: stagingImages.orders, from: 'staging' },
    });
    expect(JSON.parse(config[`${project}:images`]?.value ?? '')).toEqual({
      ...stagingImages,
      web: built,
    });
  });

  it('names a changed service nobody built and an unchanged one the source stack has no image for', () => {
    expect(() => previewStackConfig({ ...input, built: [] })).toThrow(
      /web changed but no image of it was built/,
    );
    const bare = {
      ...staging,
      config: { ...staging.config, [`${project}:images`]: { value: '{}' } },
    };
    expect(() => previewStackConfig({ ...input, source: bare })).toThrow(
      /orders has no image in stack staging/,
    );
  });

  it("runs the source stack's image for a changed service nobody built, with --main-images", () => {
    const { images } = previewStackConfig({ ...input, built: [], mainImages: true });
    expect(images.web).toEqual({ image: stagingImages.web, from: 'staging' });
  });

  it("refuses production's stack as the source: a preview never gets production's secrets", () => {
    expect(() => previewStackConfig({ ...input, source: { ...staging, stack: 'prod' } })).toThrow(
      /never production's/,
    );
    const prodEnvironment = {
      stack: 'live',
      config: { ...staging.config, [`${project}:environment`]: { value: 'prod' } },
    };
    expect(() => previewStackConfig({ ...input, source: prodEnvironment })).toThrow(
      /never production's/,
    );
  });
});

describe('isPreviewStack', () => {
  it.each([
    ['staging', false],
    ['prod', false],
    ['xpr-1', false],
    ['pr-1-old', false],
    ['pr-', false],
    ['acme/staging', false],
    ['pr-12', true],
    ['acme/pr-12', true],
    ['acme/services/pr-12', true],
  ])('%s: %s', (name, preview) => {
    expect(isPreviewStack(name)).toBe(preview);
  });
});
