import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { productNamesOf } from '@slipway/platform-contract';
import { derivedProductNote, describeInit, filesByFolder, initNextSteps } from './init-report.ts';

const root = mkdtempSync(join(tmpdir(), 'init-report-'));
mkdirSync(join(root, 'infra/platform'), { recursive: true });
for (const stack of ['prod', 'dev', 'staging']) {
  writeFileSync(join(root, `infra/platform/Pulumi.${stack}.yaml`), '');
}
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the init report', () => {
  it('counts the rewritten files per top-level folder', () => {
    expect(filesByFolder(['apps/a/x.ts', 'apps/b/y.ts', 'README.md', 'docs/z.md'])).toEqual([
      ['(root)', 1],
      ['apps/', 2],
      ['docs/', 1],
    ]);
  });

  it('lists each renamed name on its own line, then the files, settings and removals', () => {
    const lines = describeInit({
      scope: { from: '@tmpl', to: '@acme' },
      product: { from: productNamesOf('tmpl'), to: productNamesOf('acme') },
      registry: 'ghcr.io/acme',
      cloud: 'gcp',
      files: ['apps/a/x.ts', 'README.md'],
      removed: ['infra/cluster-eks'],
    });
    expect(lines).toContain('    namespaces       tmpl-<stack> → acme-<stack>');
    expect(lines).toContain('    CI variables     TMPL_* → ACME_*');
    expect(lines).toContain('Files rewritten: 2 ((root) 1, apps/ 1)');
    expect(lines.at(-1)).toBe('Removed: infra/cluster-eks');
  });

  it('names the stacks to create, the variables and the secrets to set', () => {
    const steps = initNextSteps(root, {
      scope: '@acme',
      cloud: 'gcp',
      registry: 'europe-docker.pkg.dev/acme/services',
      product: productNamesOf('acme'),
    }).join('\n');
    expect(steps).toContain('infra/platform     acme-platform: dev, staging, prod');
    expect(steps).toContain('infra/cluster-gke  acme-cluster-gke: (none yet)');
    expect(steps).toContain('ACME_CLOUD');
    expect(steps).toContain('GCP_WORKLOAD_IDENTITY_PROVIDER, GCP_SERVICE_ACCOUNT');
    expect(steps).toContain('PULUMI_CONFIG_PASSPHRASE_STAGING     in staging, preview');
    expect(steps).toContain("is not GHCR: change the deploy workflow's registry login");
  });
});

describe('derivedProductNote', () => {
  it('tells the product name init took from a scope it does not read as', () => {
    expect(derivedProductNote('@0x-labs', 'x-labs', undefined)).toBe(
      'product "x-labs" derived from scope @0x-labs (pass --product to choose)',
    );
  });

  it.each([
    ['@acme', 'acme', undefined],
    ['@0x-labs', 'labs', 'labs'],
  ])('says nothing for %s when the product is the scope or was passed', (scope, product, typed) => {
    expect(derivedProductNote(scope, product, typed)).toBeUndefined();
  });
});
