import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clouds } from '@slipway/platform-contract';
import { repositoryOf } from '../test/repository-of.ts';
import { leaveOutClouds } from './leave-out-clouds.ts';

const index = [
  '# Clusters',
  '<!-- cloud aws -->',
  '- [EKS](eks.md)',
  '<!-- /cloud aws -->',
  '<!-- cloud gcp -->',
  '- [GKE](gke.md)',
  '<!-- /cloud gcp -->',
  '<!-- cloud azure -->',
  '- [AKS](aks.md)',
  '<!-- /cloud azure -->',
  '',
].join('\n');

const template = () =>
  repositoryOf({
    'infra/cluster-eks/package.json': '{}',
    'infra/cluster-gke/package.json': '{}',
    'infra/cluster-aks/package.json': '{}',
    [clouds.aws.docsPage]: '# EKS\n',
    [clouds.gcp.docsPage]: '# GKE\n',
    [clouds.azure.docsPage]: '# AKS\n',
    'docs/clusters/README.md': index,
    'docs/other.md': 'no cloud here\n',
  });

describe('leaveOutClouds', () => {
  it("removes the other clouds' programs and pages, and their blocks; keeps its own without markers", () => {
    const root = template();
    const { files, removals } = leaveOutClouds(root, [], 'gcp');
    expect(removals.sort()).toEqual(
      [
        'docs/clusters/aks.md',
        'docs/clusters/eks.md',
        'infra/cluster-aks',
        'infra/cluster-eks',
      ].sort(),
    );
    expect(files).toEqual([
      { path: 'docs/clusters/README.md', content: '# Clusters\n- [GKE](gke.md)\n' },
    ]);
  });

  it('removes every cloud block, program and page for a cluster you bring (none)', () => {
    const { files, removals } = leaveOutClouds(template(), [], 'none');
    expect(removals).toHaveLength(6);
    expect(files).toEqual([{ path: 'docs/clusters/README.md', content: '# Clusters\n' }]);
  });

  it('strips the content init already planned, and drops planned files it removes', () => {
    const root = template();
    const planned = [
      { path: 'docs/clusters/README.md', content: index.replace('# Clusters', '# Acme clusters') },
      { path: 'infra/cluster-eks/package.json', content: '{"name":"@acme/x"}' },
    ];
    const { files } = leaveOutClouds(root, planned, 'azure');
    expect(files).toEqual([
      { path: 'docs/clusters/README.md', content: '# Acme clusters\n- [AKS](aks.md)\n' },
    ]);
    expect(existsSync(join(root, 'infra/cluster-eks'))).toBe(true); // planned, not done
  });
});
