import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtImageSlots } from '../src/built-images.ts';
import { planImagesCommand } from '../src/commands/plan-images.ts';
import { parseCommitSha } from '../src/commit-sha.ts';
import { planImages } from '../src/image-plan.ts';
import type { DeployableService } from '../src/services.ts';
import { createMonorepoFixture, recordingContext } from './fixture-repo.ts';

const older = parseCommitSha('a'.repeat(40));
const newer = parseCommitSha('b'.repeat(40));
const services: DeployableService[] = [
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
        repository: 'ghcr.io/acme/gateway',
        slot: 0,
      },
      {
        service: 'orders',
        package: 'orders',
        revision: newer,
        image: `ghcr.io/acme/orders:${newer}`,
        repository: 'ghcr.io/acme/orders',
        slot: 1,
      },
    ]);
  });

  it('refuses a service without a revision rather than guess one', () => {
    expect(() =>
      planImages({ registry: 'ghcr.io/acme', services, revisions: { orders: newer } }),
    ).toThrow(/no revision for service gateway/);
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
        matrix.include.map((e: { image: string; revision: string; slot: number }) => [
          e.image,
          e.revision,
          e.slot,
        ]),
      ).toEqual([
        [`ghcr.io/acme-corp/audit:${base}`, base, 0],
        [`ghcr.io/acme-corp/gateway:${base}`, base, 1],
        [`ghcr.io/acme-corp/orders:${head}`, head, 2],
      ]);
      expect(lines.slice(1)).toEqual(['registry=ghcr.io/acme-corp', 'count=3']);
    } finally {
      repo.remove();
    }
  });

  it('plan-images refuses more services than the images job has output slots', () => {
    const repo = createMonorepoFixture();
    try {
      for (let n = 0; n < builtImageSlots; n += 1) {
        repo.write({
          [`apps/extra${n}/package.json`]: { name: `extra${n}`, version: '0.1.0' },
          [`apps/extra${n}/service.yaml`]: `name: extra${n}\n`,
        });
      }
      const sha = repo.commit('many services');
      expect(() =>
        planImagesCommand(
          ['--root', repo.root, '--sha', sha, '--registry', 'ghcr.io/acme'],
          recordingContext(),
        ),
      ).toThrow(/output slots: raise builtImageSlots/);
    } finally {
      repo.remove();
    }
  });
});
