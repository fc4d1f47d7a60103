import { describe, expect, it } from 'vitest';
import { stateResources } from './state-resources.ts';

describe('stateResources', () => {
  it('names the Kubernetes object or Helm release of each resource, and whether it is retained', () => {
    const exported = {
      version: 3,
      deployment: {
        resources: [
          { urn: 'urn:stack', type: 'pulumi:pulumi:Stack', outputs: {} },
          {
            urn: 'urn:ns',
            type: 'kubernetes:core/v1:Namespace',
            outputs: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'slipway-dev' } },
          },
          {
            urn: 'urn:policy',
            type: 'kubernetes:networking.k8s.io/v1:NetworkPolicy',
            outputs: {
              apiVersion: 'networking.k8s.io/v1',
              kind: 'NetworkPolicy',
              metadata: { name: 'default-deny-all', namespace: 'slipway-dev' },
            },
          },
          {
            urn: 'urn:crds',
            type: 'kubernetes:helm.sh/v3:Release',
            retainOnDelete: true,
            outputs: { name: 'envoy-gateway-crds', namespace: 'envoy-gateway-system' },
          },
        ],
      },
    };
    expect(stateResources(exported)).toEqual([
      { urn: 'urn:stack', type: 'pulumi:pulumi:Stack', retainOnDelete: false },
      {
        urn: 'urn:ns',
        type: 'kubernetes:core/v1:Namespace',
        retainOnDelete: false,
        object: { apiVersion: 'v1', kind: 'Namespace', name: 'slipway-dev' },
      },
      {
        urn: 'urn:policy',
        type: 'kubernetes:networking.k8s.io/v1:NetworkPolicy',
        retainOnDelete: false,
        object: {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          name: 'default-deny-all',
          namespace: 'slipway-dev',
        },
      },
      {
        urn: 'urn:crds',
        type: 'kubernetes:helm.sh/v3:Release',
        retainOnDelete: true,
        helmRelease: { name: 'envoy-gateway-crds', namespace: 'envoy-gateway-system' },
      },
    ]);
  });

  it('reads a destroyed stack (no resources) as empty', () => {
    expect(stateResources({ deployment: { manifest: {} } })).toEqual([]);
    expect(stateResources({})).toEqual([]);
  });
});
