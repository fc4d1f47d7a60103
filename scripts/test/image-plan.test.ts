import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureImageCommand } from '../src/commands/ensure-image.js';
import { planImagesCommand } from '../src/commands/plan-images.js';
import { parseCommitSha } from '../src/commit-sha.js';
import {
  decideImageAction,
  dockerRegistryClient,
  ensureImage,
  type RegistryClient,
} from '../src/image-action.js';
import { imagesAt, planImages } from '../src/image-plan.js';
import type { Service } from '../src/services.js';
import { createMonorepoFixture, recordingContext } from './fixture-repo.js';

const sha = parseCommitSha('b'.repeat(40));
const base = parseCommitSha('a'.repeat(40));
const services: Service[] = [
  { name: 'gateway', packageName: 'gateway', dir: 'apps/gateway' },
  { name: 'orders', packageName: 'orders', dir: 'apps/orders' },
];

describe('planImages', () => {
  it('tags every service with the commit, builds the changed ones and re-tags the rest from the base', () => {
    expect(
      planImages({ registry: 'ghcr.io/acme', services, changed: ['orders'], sha, base }),
    ).toEqual([
      {
        service: 'gateway',
        package: 'gateway',
        image: `ghcr.io/acme/gateway:${sha}`,
        build: false,
        reuseFrom: `ghcr.io/acme/gateway:${base}`,
      },
      {
        service: 'orders',
        package: 'orders',
        image: `ghcr.io/acme/orders:${sha}`,
        build: true,
        reuseFrom: '',
      },
    ]);
  });

  it('offers nothing to re-tag from without a base (a rollback looks for the images of its own SHA)', () => {
    const plan = planImages({ registry: 'ghcr.io/acme', services, changed: [], sha });
    expect(plan.map((p) => [p.build, p.reuseFrom])).toEqual([
      [false, ''],
      [false, ''],
    ]);
  });

  it('maps every service to its image at one commit for the stack config', () => {
    expect(imagesAt('ghcr.io/acme', services, sha)).toEqual({
      gateway: `ghcr.io/acme/gateway:${sha}`,
      orders: `ghcr.io/acme/orders:${sha}`,
    });
  });
});

describe('decideImageAction', () => {
  it.each([
    [{ targetExists: true, mustBuild: true, reuseFrom: '', reuseExists: false }, 'present'],
    [{ targetExists: false, mustBuild: true, reuseFrom: 'x', reuseExists: true }, 'build'],
    [{ targetExists: false, mustBuild: false, reuseFrom: 'x', reuseExists: true }, 'retag'],
    [{ targetExists: false, mustBuild: false, reuseFrom: 'x', reuseExists: false }, 'build'],
    [{ targetExists: false, mustBuild: false, reuseFrom: '', reuseExists: false }, 'build'],
  ] as const)('%j → %s', (facts, action) => {
    expect(decideImageAction(facts)).toBe(action);
  });
});

function fakeRegistry(existing: string[]): RegistryClient & { retags: string[][] } {
  const images = new Set(existing);
  const retags: string[][] = [];
  return {
    retags,
    exists: (ref) => images.has(ref),
    retag: (from, to) => {
      retags.push([from, to]);
      images.add(to);
    },
  };
}

describe('ensureImage', () => {
  const image = `ghcr.io/acme/gateway:${sha}`;
  const previous = `ghcr.io/acme/gateway:${base}`;

  it('re-tags an unchanged service from the base image, registry-side', () => {
    const registry = fakeRegistry([previous]);
    expect(ensureImage({ image, build: false, reuseFrom: previous }, registry)).toBe('retag');
    expect(registry.retags).toEqual([[previous, image]]);
  });

  it('asks for a build when the base image is missing (an earlier deploy failed)', () => {
    const registry = fakeRegistry([]);
    expect(ensureImage({ image, build: false, reuseFrom: previous }, registry)).toBe('build');
    expect(registry.retags).toEqual([]);
  });

  it('never rebuilds an image already tagged with this commit (a re-run)', () => {
    expect(ensureImage({ image, build: true, reuseFrom: '' }, fakeRegistry([image]))).toBe(
      'present',
    );
  });
});

describe('the CLIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-images-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('plan-images writes a GitHub Actions matrix with one entry per service', () => {
    const repo = createMonorepoFixture();
    try {
      repo.write({ 'platform.json': { registry: 'ghcr.io/<owner>', cloud: 'aws' } });
      const out = join(dir, 'plan.txt');
      planImagesCommand(
        ['--root', repo.root, '--sha', sha, '--base', base, '--changed', '["orders"]'],
        recordingContext(out, { GITHUB_REPOSITORY_OWNER: 'Acme-Corp' }),
      );
      const lines = readFileSync(out, 'utf8').trim().split('\n');
      const matrix = JSON.parse(lines[0]?.replace(/^matrix=/, '') ?? '');
      expect(
        matrix.include.map((e: { image: string; build: boolean }) => [e.image, e.build]),
      ).toEqual([
        [`ghcr.io/acme-corp/audit:${sha}`, false],
        [`ghcr.io/acme-corp/gateway:${sha}`, false],
        [`ghcr.io/acme-corp/orders:${sha}`, true],
      ]);
      expect(lines.slice(1)).toEqual(['registry=ghcr.io/acme-corp', 'count=3']);
    } finally {
      repo.remove();
    }
  });

  it('plan-images refuses a changed list that names no service', () => {
    const repo = createMonorepoFixture();
    try {
      expect(() =>
        planImagesCommand(
          [
            '--root',
            repo.root,
            '--sha',
            sha,
            '--changed',
            '["nope"]',
            '--registry',
            'ghcr.io/acme',
          ],
          recordingContext(),
        ),
      ).toThrow(/unknown services in --changed: nope/);
    } finally {
      repo.remove();
    }
  });

  it('ensure-image drives `docker buildx imagetools` and reports the action as a step output', () => {
    // A stand-in docker that knows one image and logs its calls.
    const log = join(dir, 'docker.log');
    const docker = join(dir, 'docker');
    writeFileSync(
      docker,
      `#!/bin/sh\necho "$*" >> "${log}"\nif [ "$3" = inspect ] && [ "$4" = "ghcr.io/acme/gateway:${base}" ]; then exit 0; fi\nif [ "$3" = create ]; then exit 0; fi\nexit 1\n`,
    );
    chmodSync(docker, 0o755);
    const out = join(dir, 'ensure.txt');
    ensureImageCommand(
      [
        '--image',
        `ghcr.io/acme/gateway:${sha}`,
        '--build',
        'false',
        '--reuse-from',
        `ghcr.io/acme/gateway:${base}`,
        '--docker',
        docker,
      ],
      recordingContext(out),
    );
    expect(readFileSync(out, 'utf8')).toBe('action=retag\n');
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      `buildx imagetools inspect ghcr.io/acme/gateway:${sha}`,
      `buildx imagetools inspect ghcr.io/acme/gateway:${base}`,
      `buildx imagetools create --tag ghcr.io/acme/gateway:${sha} ghcr.io/acme/gateway:${base}`,
    ]);
    expect(dockerRegistryClient(docker).exists('ghcr.io/acme/other:x')).toBe(false);
  });

  it('ensure-image refuses a mutable tag', () => {
    expect(() =>
      ensureImageCommand(
        ['--image', 'ghcr.io/acme/gateway:latest'],
        recordingContext(),
        fakeRegistry([]),
      ),
    ).toThrow(/not tagged with a full commit SHA/);
  });
});
