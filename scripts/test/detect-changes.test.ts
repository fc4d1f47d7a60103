import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detectChanges } from '../src/commands/detect-changes.ts';
import { detectChangedServices, selectAffectedServices } from '../src/detect-changes.ts';
import { listServices } from '../src/services.ts';
import { readWorkspaces } from '../src/workspaces.ts';
import { createMonorepoFixture, type FixtureRepo, recordingContext } from './fixture-repo.ts';

describe('detectChangedServices on a temporary git repository', () => {
  let repo: FixtureRepo;
  let base: string;

  beforeEach(() => {
    repo = createMonorepoFixture();
    base = repo.commit('base');
  });
  afterEach(() => repo.remove());

  const changedAfter = (files: Record<string, string>) => {
    repo.write(files);
    const head = repo.commit('change');
    return detectChangedServices({ root: repo.root, base, head });
  };

  it('selects only the service whose own files changed', () => {
    const result = changedAfter({ 'apps/orders/src/index.ts': 'export const x = 2;\n' });
    expect(result.changed).toEqual(['orders']);
    expect(result.mode).toBe('diff');
    expect(result.reasons.orders).toEqual(['apps/orders/src/index.ts']);
  });

  it('selects every service that depends on a changed shared package, directly or transitively', () => {
    const result = changedAfter({ 'packages/config/src/index.ts': 'export const config = 2;\n' });
    // orders depends on it as a dev dependency, gateway through @acme/kit; audit does not.
    expect(result.changed).toEqual(['gateway', 'orders']);
    expect(result.reasons.gateway).toEqual(['depends on @acme/config']);
  });

  it("selects no service for a change of its template record alone (npm run sync's bookkeeping)", () => {
    expect(changedAfter({ 'apps/orders/.slipway/template.json': '{}\n' }).changed).toEqual([]);
  });

  it('selects no service for a change in docs', () => {
    expect(changedAfter({ 'docs/deploying.md': '# Deploying, revised\n' }).changed).toEqual([]);
  });

  it('selects no service for a package nothing deployed depends on, nor for infra', () => {
    const result = changedAfter({
      'packages/unused/src/index.ts': 'export const unused = 2;\n',
      'infra/services/Pulumi.yaml': 'name: acme-services\nruntime: nodejs\ndescription: x\n',
      '.github/workflows/ci.yml': 'name: CI\n',
    });
    expect(result.changed).toEqual([]);
  });

  it('selects every service when a global input changes (lockfile, Dockerfile, turbo globalDependencies)', () => {
    for (const file of ['package-lock.json', 'docker/Dockerfile', 'biome.json']) {
      repo.write({ [file]: `${Math.random()}\n` });
      const head = repo.commit(`touch ${file}`);
      expect(detectChangedServices({ root: repo.root, base, head }).changed).toEqual([
        'audit',
        'gateway',
        'orders',
      ]);
      base = head;
    }
  });

  it('lists as services only the apps that have a service.yaml', () => {
    const result = changedAfter({ 'apps/notes/README.md': 'changed\n' });
    expect(result.services).toEqual(['audit', 'gateway', 'orders']);
    expect(result.changed).toEqual([]);
  });

  it('selects a new service, and drops a deleted one from the list', () => {
    rmSync(join(repo.root, 'apps/audit'), { recursive: true });
    const result = changedAfter({
      'apps/billing/package.json': JSON.stringify({ name: 'billing' }),
      'apps/billing/service.yaml': 'name: billing\n',
    });
    expect(result.services).toEqual(['billing', 'gateway', 'orders']);
    expect(result.changed).toEqual(['billing']);
  });

  it('selects every service without a usable base: none, all zeros, or a commit the clone lacks', () => {
    const head = repo.commit('empty');
    for (const [candidate, mode] of [
      [undefined, 'no-base'],
      ['0'.repeat(40), 'no-base'],
      ['1234567890abcdef1234567890abcdef12345678', 'unknown-base'],
      ['main; rm -rf /', 'unknown-base'],
    ] as const) {
      const result = detectChangedServices({ root: repo.root, base: candidate, head });
      expect(result.mode).toBe(mode);
      expect(result.changed).toEqual(['audit', 'gateway', 'orders']);
    }
  });

  it('writes changed and services as JSON step outputs from the CLI', () => {
    repo.write({ 'packages/kit/src/index.ts': 'export const kit = 2;\n' });
    const head = repo.commit('kit');
    const outputFile = join(repo.root, 'github-output.txt');
    const ctx = recordingContext(outputFile);
    detectChanges(['--root', repo.root, '--base', base, '--head', head], ctx);
    expect(readFileSync(outputFile, 'utf8')).toBe(
      'changed=["gateway"]\nservices=["audit","gateway","orders"]\nmode=diff\n',
    );
    expect(JSON.parse(ctx.text()).reasons).toEqual({ gateway: ['depends on @acme/kit'] });
  });
});

describe('selectAffectedServices', () => {
  const repo = createMonorepoFixture();
  const workspaces = readWorkspaces(repo.root);
  const services = listServices(repo.root, workspaces);
  repo.remove();

  it.each([
    [['apps/gateway/src/app.ts'], ['gateway']],
    [['packages/kit/package.json'], ['gateway']],
    [
      ['packages/config/README.md', 'apps/audit/service.yaml'],
      ['audit', 'gateway', 'orders'],
    ],
    [['README.md', 'docs/x.md', 'scripts/src/x.ts'], []],
    [['.dockerignore'], ['audit', 'gateway', 'orders']],
  ])('files %j select %j', (changedFiles, expected) => {
    expect(selectAffectedServices({ workspaces, services, changedFiles }).changed).toEqual(
      expected,
    );
  });
});
