import { describe, expect, it } from 'vitest';
import { groupVersionsOf, listableIn, objectUrl } from './discovery.ts';

describe('listableIn', () => {
  it('keeps listable resources once per group, without subresources', () => {
    const resources = listableIn([
      {
        groupVersion: 'v1',
        resources: [
          { name: 'namespaces', kind: 'Namespace', namespaced: false, verbs: ['get', 'list'] },
          { name: 'pods', kind: 'Pod', namespaced: true, verbs: ['get', 'list'] },
          { name: 'pods/log', kind: 'Pod', namespaced: true, verbs: ['get'] },
          { name: 'bindings', kind: 'Binding', namespaced: true, verbs: ['create'] },
        ],
      },
      {
        groupVersion: 'autoscaling/v2',
        resources: [
          {
            name: 'horizontalpodautoscalers',
            kind: 'HorizontalPodAutoscaler',
            namespaced: true,
            verbs: ['list'],
          },
        ],
      },
      {
        groupVersion: 'autoscaling/v1',
        resources: [
          {
            name: 'horizontalpodautoscalers',
            kind: 'HorizontalPodAutoscaler',
            namespaced: true,
            verbs: ['list'],
          },
        ],
      },
    ]);
    expect(resources.map((r) => `${r.groupVersion} ${r.plural}`)).toEqual([
      'v1 namespaces',
      'v1 pods',
      'autoscaling/v2 horizontalpodautoscalers',
    ]);
  });
});

describe('groupVersionsOf', () => {
  it('puts each group preferred version first', () => {
    expect(
      groupVersionsOf({
        groups: [
          {
            name: 'autoscaling',
            preferredVersion: { groupVersion: 'autoscaling/v2' },
            versions: [{ groupVersion: 'autoscaling/v1' }, { groupVersion: 'autoscaling/v2' }],
          },
        ],
      }),
    ).toEqual(['autoscaling/v2', 'autoscaling/v1']);
  });
});

describe('objectUrl', () => {
  it('paths namespaced and cluster-scoped objects', () => {
    const deployments = {
      groupVersion: 'apps/v1',
      plural: 'deployments',
      kind: 'Deployment',
      namespaced: true,
    };
    const namespaces = {
      groupVersion: 'v1',
      plural: 'namespaces',
      kind: 'Namespace',
      namespaced: false,
    };
    expect(objectUrl(deployments, 'orders', 'slipway-dev')).toBe(
      '/apis/apps/v1/namespaces/slipway-dev/deployments/orders',
    );
    expect(objectUrl(namespaces, 'slipway-dev')).toBe('/api/v1/namespaces/slipway-dev');
  });
});
