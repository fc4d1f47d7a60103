import { describe, expect, it } from 'vitest';
import { changedNothing } from '../cluster/support/change-summary.ts';
import { type LiveObject, retainedBy } from '../cluster/support/leftovers.ts';
import type { StateResource } from '../src/pulumi/state-resources.ts';

describe('changedNothing', () => {
  it('needs resources found the same and no other operation', () => {
    expect(changedNothing({ changes: { same: 12 } })).toBe(true);
    expect(changedNothing({ changes: { same: 12, update: 0 } })).toBe(true);
    expect(changedNothing({ changes: { same: 11, update: 1 } })).toBe(false);
  });

  it('does not take an empty summary (nothing compared) for no changes', () => {
    expect(changedNothing({ changes: {} })).toBe(false);
    expect(changedNothing({ changes: { same: 0 } })).toBe(false);
  });
});

describe('retainedBy', () => {
  const crd = (annotations: Record<string, string>): LiveObject => ({
    ref: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      name: 'gateways.gateway.networking.k8s.io',
    },
    labels: {},
    annotations,
  });
  const release = (retainOnDelete: boolean): StateResource => ({
    urn: 'urn:crds',
    type: 'kubernetes:helm.sh/v3:Release',
    retainOnDelete,
    helmRelease: { name: 'envoy-gateway-crds', namespace: 'envoy-gateway-system' },
  });
  const byRelease = {
    'meta.helm.sh/release-name': 'envoy-gateway-crds',
    'meta.helm.sh/release-namespace': 'envoy-gateway-system',
  };

  it('keeps the objects of a retained Helm release, and only those', () => {
    expect(retainedBy([release(true)])(crd(byRelease))).toBe(true);
    expect(retainedBy([release(false)])(crd(byRelease))).toBe(false);
    expect(retainedBy([release(true)])(crd({}))).toBe(false);
  });

  it('keeps a retained resource by its identity, whatever its version', () => {
    const namespace: StateResource = {
      urn: 'urn:ns',
      type: 'kubernetes:core/v1:Namespace',
      retainOnDelete: true,
      object: { apiVersion: 'v1', kind: 'Namespace', name: 'slipway-dev' },
    };
    const live = (name: string): LiveObject => ({
      ref: { apiVersion: 'v1', kind: 'Namespace', name },
      labels: {},
      annotations: {},
    });
    expect(retainedBy([namespace])(live('slipway-dev'))).toBe(true);
    expect(retainedBy([namespace])(live('slipway-prod'))).toBe(false);
    expect(retainedBy([{ ...namespace, retainOnDelete: false }])(live('slipway-dev'))).toBe(false);
  });
});
