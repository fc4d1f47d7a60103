import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImagesCommand } from '../src/commands/plan-images.ts';
import { recordImageCommand } from '../src/commands/record-image.ts';
import { setStackImagesCommand } from '../src/commands/set-stack-images.ts';
import { readStackImages } from '../src/stack-config.ts';
import { createMonorepoFixture, type FixtureRepo, recordingContext } from './fixture-repo.ts';

// A deploy as the workflows run it: plan-images plans, the "images job" builds every service and
// records the digest its build reported, set-stack-images writes the stack, and "pulumi up"
// records that config as the stack's last deployment, which a stand-in `pulumi config refresh`
// hands back on the next deploy. No registry exists: nothing may be looked up there.
const registry = 'ghcr.io/acme';

describe('set-stack-images on successive deploys', () => {
  let repo: FixtureRepo;
  let stackFile = '';
  let backend = '';
  let pulumi = '';
  let run = 0;

  beforeEach(() => {
    repo = createMonorepoFixture();
    repo.write({ 'platform.json': { registry, cloud: 'none' } });
    stackFile = join(repo.root, 'infra/services/Pulumi.staging.yaml');
    backend = join(repo.root, 'backend-last-deployment.yaml');
    pulumi = join(repo.root, 'pulumi');
    writeFileSync(stackFile, 'config:\n  acme-services:namespace: acme-staging\n');
    writeFileSync(
      pulumi,
      [
        '#!/bin/sh',
        '[ "$1 $2 $3 $4" = "config refresh --force --stack" ] || exit 2',
        `[ -f "${backend}" ] || { echo "error: no previous deployment" >&2; exit 255; }`,
        `cp "${backend}" "Pulumi.$5.yaml"`,
        '',
      ].join('\n'),
    );
    chmodSync(pulumi, 0o755);
    run = 0;
  });
  afterEach(() => repo.remove());

  /** Every service's build, as the images job records it: a fresh digest on each run. */
  function build(sha: string): string {
    run += 1;
    const plan = recordingContext();
    planImagesCommand(['--root', repo.root, '--sha', sha], plan);
    const outputs: Record<string, string> = {};
    for (const { image, slot } of JSON.parse(plan.text()) as { image: string; slot: number }[]) {
      const digest = `sha256:${createHash('sha256').update(`${image} run ${run}`).digest('hex')}`;
      const ctx = recordingContext();
      recordImageCommand(['--image', image, '--digest', digest, '--slot', String(slot)], ctx);
      const [key = '', value = ''] = ctx.text().trim().split(/=(.*)/);
      outputs[key] = value;
    }
    return JSON.stringify(outputs);
  }

  function setImages(sha: string, built: string, extra: string[] = []) {
    const ctx = recordingContext();
    setStackImagesCommand(
      [
        '--root',
        repo.root,
        '--stack',
        'staging',
        '--sha',
        sha,
        '--built',
        built,
        '--pulumi',
        pulumi,
        ...extra,
      ],
      ctx,
    );
    return ctx;
  }

  /** Builds, writes the stack, "deploys" it (the backend records it); returns its images. */
  function deploy(sha: string): Record<string, string> {
    setImages(sha, build(sha));
    copyFileSync(stackFile, backend);
    return readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');
  }

  it("writes the digests this run's build reported on a first deploy", () => {
    const sha = repo.commit('first deploy');
    const built = JSON.parse(build(sha)) as Record<string, string>;
    setImages(sha, JSON.stringify(built));
    const images = readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');
    expect(Object.values(images).sort()).toEqual(Object.values(built).sort());
    expect(images.orders).toMatch(new RegExp(`^${registry}/orders:${sha}@sha256:[0-9a-f]{64}$`));
  });

  it('keeps the running gateway image when only orders changed, though every service was rebuilt', () => {
    const first = repo.commit('first deploy');
    const before = deploy(first);
    repo.write({ 'apps/orders/src/index.ts': 'export const orders = 2;\n' });
    const second = repo.commit('orders changes');
    const built = build(second);
    const ctx = setImages(second, built);
    const after = readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');

    expect(after.gateway).toBe(before.gateway);
    expect(after.audit).toBe(before.audit);
    expect(Object.values(JSON.parse(built))).toContain(after.orders);
    expect(after.orders).toMatch(new RegExp(`^${registry}/orders:${second}@sha256:[0-9a-f]{64}$`));
    expect(ctx.text()).toContain(`gateway: ${before.gateway} (deployed)`);
    expect(ctx.text()).toContain(`orders: ${after.orders} (built)`);
    expect(readFileSync(stackFile, 'utf8')).toContain('acme-services:namespace: acme-staging');
  });

  it('moves every service that depends on a changed shared package, and only those', () => {
    const before = deploy(repo.commit('first deploy'));
    repo.write({ 'packages/config/src/index.ts': 'export const config = 2;\n' });
    const after = deploy(repo.commit('config changes'));
    // gateway → @acme/kit → @acme/config; orders → @acme/config; audit depends on neither.
    expect(after.gateway).not.toBe(before.gateway);
    expect(after.orders).not.toBe(before.orders);
    expect(after.audit).toBe(before.audit);
  });

  it('keeps every image when a deploy changes no image input (docs, template records)', () => {
    const before = deploy(repo.commit('first deploy'));
    repo.write({ 'docs/deploying.md': '# Deploying, reworded\n' });
    expect(deploy(repo.commit('docs'))).toEqual(before);
    repo.write({ 'apps/orders/.slipway/template.json': '{ "version": "b" }\n' });
    expect(deploy(repo.commit('sync: records move forward'))).toEqual(before);
  });

  it('refuses, leaving the stack file as committed, an image neither built here nor deployed', () => {
    const sha = repo.commit('first deploy');
    const text = readFileSync(stackFile, 'utf8');
    const built = JSON.parse(build(sha)) as Record<string, string>;
    const withoutOrders = Object.fromEntries(
      Object.entries(built).filter(([, image]) => !image.includes('/orders:')),
    );
    expect(() => setImages(sha, JSON.stringify(withoutOrders))).toThrow(
      /orders: neither this run's build nor the stack's deployment/,
    );
    expect(readFileSync(stackFile, 'utf8')).toBe(text);
  });

  it('never trusts a deployed value of another revision: a rollback takes its own build', () => {
    const first = repo.commit('first deploy');
    repo.write({ 'apps/orders/src/index.ts': 'export const orders = 2;\n' });
    const second = repo.commit('orders changes');
    const newer = deploy(second);
    const rolledBack = deploy(first);
    expect(rolledBack.gateway).toBe(newer.gateway);
    expect(rolledBack.orders).toMatch(new RegExp(`^${registry}/orders:${first}@`));
  });

  it('says so, and uses the builds, when the stack has no recorded deployment', () => {
    const sha = repo.commit('first deploy');
    const ctx = setImages(sha, build(sha));
    expect(ctx.text()).toContain(
      'staging: no deployed images read (error: no previous deployment)',
    );
    expect(existsSync(stackFile)).toBe(true);
  });

  it('in a preview, keeps deployed images and leaves a new or unbuilt service on its tag', () => {
    const base = repo.commit('base');
    deploy(base);
    const deployed = readStackImages(readFileSync(backend, 'utf8'), 'acme-services');
    // The pull request's tree adds a service the base commit does not have.
    repo.write({
      'apps/billing/package.json': { name: 'billing', version: '0.1.0', type: 'module' },
      'apps/billing/service.yaml': 'name: billing\n',
    });
    setImages(base, '', ['--preview', 'true']);
    const images = readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');
    expect(images.gateway).toBe(deployed.gateway);
    expect(images.billing).toBe(`${registry}/billing:${base}`);
  });
});
