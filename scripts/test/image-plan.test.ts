import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureImageCommand } from '../src/commands/ensure-image.js';
import { planImagesCommand } from '../src/commands/plan-images.js';
import { parseCommitSha } from '../src/commit-sha.js';
import { dockerRegistryClient, ensureImage, type RegistryClient } from '../src/image-action.js';
import { pinImages, planImages } from '../src/image-plan.js';
import type { Service } from '../src/services.js';
import { createMonorepoFixture, recordingContext } from './fixture-repo.js';

const older = parseCommitSha('a'.repeat(40));
const newer = parseCommitSha('b'.repeat(40));
const services: Service[] = [
  { name: 'gateway', packageName: 'gateway', dir: 'apps/gateway' },
  { name: 'orders', packageName: 'orders', dir: 'apps/orders' },
];

describe('planImages', () => {
  it('tags each service with the commit that last changed it', () => {
    expect(
      planImages({
        registry: 'ghcr.io/acme',
        services,
        revisions: { gateway: older, orders: newer },
      }),
    ).toEqual([
      {
        service: 'gateway',
        package: 'gateway',
        revision: older,
        image: `ghcr.io/acme/gateway:${older}`,
      },
      {
        service: 'orders',
        package: 'orders',
        revision: newer,
        image: `ghcr.io/acme/orders:${newer}`,
      },
    ]);
  });

  it('refuses a service without a revision rather than guess one', () => {
    expect(() =>
      planImages({ registry: 'ghcr.io/acme', services, revisions: { orders: newer } }),
    ).toThrow(/no revision for service gateway/);
  });
});

describe('pinImages', () => {
  it('appends the digest the registry gives for each tag', async () => {
    const digest = (image: string) =>
      Promise.resolve(`sha256:${(image.endsWith(older) ? '1' : '2').repeat(64)}`);
    const plan = planImages({
      registry: 'ghcr.io/acme',
      services,
      revisions: { gateway: older, orders: newer },
    });
    expect(await pinImages(plan, digest)).toEqual({
      gateway: `ghcr.io/acme/gateway:${older}@sha256:${'1'.repeat(64)}`,
      orders: `ghcr.io/acme/orders:${newer}@sha256:${'2'.repeat(64)}`,
    });
  });

  it('fails the whole deploy when one digest cannot be resolved', async () => {
    const plan = planImages({
      registry: 'ghcr.io/acme',
      services,
      revisions: { gateway: older, orders: newer },
    });
    await expect(pinImages(plan, () => Promise.reject(new Error('no such tag')))).rejects.toThrow(
      'no such tag',
    );
  });
});

describe('ensureImage', () => {
  const image = `ghcr.io/acme/gateway:${older}`;
  const registry = (existing: string[]): RegistryClient => ({
    exists: (ref) => existing.includes(ref),
  });

  it('keeps an image whose tag exists (an unchanged service, a re-run, a rollback)', () => {
    expect(ensureImage({ image }, registry([image]))).toBe('present');
  });

  it('asks for a build when the tag is missing', () => {
    expect(ensureImage({ image }, registry([]))).toBe('build');
  });
});

describe('the CLIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plan-images writes a matrix of each service at the commit that last changed it', () => {
    const repo = createMonorepoFixture();
    try {
      repo.write({ 'platform.json': { registry: 'ghcr.io/<owner>', cloud: 'aws' } });
      const base = repo.commit('base');
      repo.write({ 'apps/orders/src/index.ts': 'export const orders = 2;\n' });
      const head = repo.commit('orders changes');
      const out = join(dir, 'plan.txt');
      planImagesCommand(
        ['--root', repo.root, '--sha', head],
        recordingContext(out, { GITHUB_REPOSITORY_OWNER: 'Acme-Corp' }),
      );
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      const matrix = JSON.parse(lines[0]?.replace(/^matrix=/, '') ?? '');
      expect(
        matrix.include.map((e: { image: string; revision: string }) => [e.image, e.revision]),
      ).toEqual([
        [`ghcr.io/acme-corp/audit:${base}`, base],
        [`ghcr.io/acme-corp/gateway:${base}`, base],
        [`ghcr.io/acme-corp/orders:${head}`, head],
      ]);
      expect(lines.slice(1)).toEqual(['registry=ghcr.io/acme-corp', 'count=3']);
    } finally {
      repo.remove();
    }
  });

  it('ensure-image asks `docker buildx imagetools` and reports the action as a step output', () => {
    // A stand-in docker that knows one image and logs its calls.
    const log = join(dir, 'docker.log');
    const docker = join(dir, 'docker');
    writeFileSync(
      docker,
      `#!/bin/sh\necho "$*" >> "${log}"\nif [ "$3" = inspect ] && [ "$4" = "ghcr.io/acme/gateway:${older}" ]; then exit 0; fi\nexit 1\n`,
    );
    chmodSync(docker, 0o755);
    const out = join(dir, 'ensure.txt');
    ensureImageCommand(
      ['--image', `ghcr.io/acme/gateway:${older}`, '--docker', docker],
      recordingContext(out),
    );
    expect(readFileSync(out, 'utf8')).toBe('action=present\n');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `buildx imagetools inspect ghcr.io/acme/gateway:${older}`,
    ]);
    expect(dockerRegistryClient(docker).exists(`ghcr.io/acme/other:${older}`)).toBe(false);
  });

  it('ensure-image refuses a mutable tag', () => {
    expect(() =>
      ensureImageCommand(['--image', 'ghcr.io/acme/gateway:latest'], recordingContext(), {
        exists: () => true,
      }),
    ).toThrow(/not tagged with a full commit SHA/);
  });
});
