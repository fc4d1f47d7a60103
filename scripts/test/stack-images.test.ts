import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planImagesCommand } from '../src/commands/plan-images.js';
import { setStackImagesCommand } from '../src/commands/set-stack-images.js';
import { readStackImages } from '../src/stack-config.js';
import { type FakeRegistry, startFakeRegistry } from './fake-registry.js';
import { createMonorepoFixture, type FixtureRepo, recordingContext } from './fixture-repo.js';

// A deploy as the workflows run it, against a real registry on 127.0.0.1: plan-images says which
// tags to build, the "images job" pushes the missing ones, set-stack-images pins the stack.
const credentials = { username: 'ci', password: 'ghs_test-token' };
const env = { REGISTRY_TOKEN: credentials.password, REGISTRY_USERNAME: credentials.username };

describe('set-stack-images on successive deploys', () => {
  let repo: FixtureRepo;
  let registry: FakeRegistry;
  let stackFile = '';

  beforeEach(async () => {
    registry = await startFakeRegistry(credentials);
    repo = createMonorepoFixture();
    repo.write({ 'platform.json': { registry: `${registry.host}/acme`, cloud: 'none' } });
    stackFile = join(repo.root, 'infra/services/Pulumi.staging.yaml');
    writeFileSync(stackFile, 'config:\n  acme-services:namespace: acme-staging\n');
  });
  afterEach(async () => {
    repo.remove();
    await registry.close();
  });

  /** Plans at `sha`, pushes the tags the registry lacks, pins the stack, returns its images. */
  async function deploy(sha: string): Promise<Record<string, string>> {
    const plan = recordingContext();
    planImagesCommand(['--root', repo.root, '--sha', sha], plan);
    for (const { image } of JSON.parse(plan.text()) as { image: string }[]) {
      const [, repository = '', tag = ''] = /^[^/]+\/(.+):([0-9a-f]{40})$/.exec(image) ?? [];
      if (!registry.has(repository, tag)) registry.push(repository, tag);
    }
    await setStackImagesCommand(
      ['--root', repo.root, '--stack', 'staging', '--sha', sha],
      recordingContext(undefined, env),
    );
    return readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');
  }

  it('writes the same gateway string when only orders changed, and a new one for orders', async () => {
    const first = repo.commit('first deploy');
    const before = await deploy(first);
    repo.write({ 'apps/orders/src/index.ts': 'export const orders = 2;\n' });
    const second = repo.commit('orders changes');
    const after = await deploy(second);

    expect(after.gateway).toBe(before.gateway);
    expect(after.audit).toBe(before.audit);
    expect(after.orders).not.toBe(before.orders);
    expect(after.orders).toMatch(
      new RegExp(`^${registry.host}/acme/orders:${second}@sha256:[0-9a-f]{64}$`),
    );
    expect(after.gateway).toMatch(
      new RegExp(`^${registry.host}/acme/gateway:${first}@sha256:[0-9a-f]{64}$`),
    );
    expect(readFileSync(stackFile, 'utf8')).toContain('acme-services:namespace: acme-staging');
  });

  it('moves every service that depends on a changed shared package, and only those', async () => {
    const first = repo.commit('first deploy');
    const before = await deploy(first);
    repo.write({ 'packages/config/src/index.ts': 'export const config = 2;\n' });
    const after = await deploy(repo.commit('config changes'));
    // gateway → @acme/kit → @acme/config; orders → @acme/config; audit depends on neither.
    expect(after.gateway).not.toBe(before.gateway);
    expect(after.orders).not.toBe(before.orders);
    expect(after.audit).toBe(before.audit);
  });

  it('keeps every image when a deploy changes no image input (docs only)', async () => {
    const before = await deploy(repo.commit('first deploy'));
    repo.write({ 'docs/deploying.md': '# Deploying, reworded\n' });
    expect(await deploy(repo.commit('docs'))).toEqual(before);
  });

  it("keeps every image when only the services' template records moved (npm run sync)", async () => {
    const before = await deploy(repo.commit('first deploy'));
    repo.write({
      'apps/orders/.slipway/template.json': '{ "version": "b" }\n',
      'apps/gateway/.slipway/template.json': '{ "version": "b" }\n',
    });
    expect(await deploy(repo.commit('sync: records move forward'))).toEqual(before);
  });

  it('pins the digest the registry serves for the tag', async () => {
    const sha = repo.commit('first deploy');
    const digest = registry.push('acme/audit', sha);
    const images = await deploy(sha);
    expect(images.audit).toBe(`${registry.host}/acme/audit:${sha}@${digest}`);
  });

  it('fails, leaving the stack file alone, when an image was never built', async () => {
    const sha = repo.commit('first deploy');
    const text = readFileSync(stackFile, 'utf8');
    await expect(
      setStackImagesCommand(
        ['--root', repo.root, '--stack', 'staging', '--sha', sha],
        recordingContext(undefined, env),
      ),
    ).rejects.toThrow(/no such tag in the registry/);
    expect(readFileSync(stackFile, 'utf8')).toBe(text);
  });

  it('in a preview, leaves a service the base lacks, or an unbuilt one, on an unpinned tag', async () => {
    const base = repo.commit('base');
    registry.push('acme/gateway', base);
    // The pull request's tree adds a service the base commit does not have.
    repo.write({
      'apps/billing/package.json': { name: 'billing', version: '0.1.0', type: 'module' },
      'apps/billing/service.yaml': 'name: billing\n',
    });
    const ctx = recordingContext(undefined, env);
    await setStackImagesCommand(
      ['--root', repo.root, '--stack', 'staging', '--sha', base, '--preview', 'true'],
      ctx,
    );
    const images = readStackImages(readFileSync(stackFile, 'utf8'), 'acme-services');
    expect(images.gateway).toMatch(/@sha256:[0-9a-f]{64}$/);
    expect(images.billing).toBe(`${registry.host}/acme/billing:${base}`);
    expect(images.orders).toBe(`${registry.host}/acme/orders:${base}`);
    expect(ctx.text()).toContain(
      `${registry.host}/acme/orders:${base}: not in the registry, left unpinned (preview)`,
    );
  });
});
