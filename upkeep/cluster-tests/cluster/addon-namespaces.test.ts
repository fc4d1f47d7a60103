import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type RenderedPlatform, renderPlatform } from '@slipway/infra-platform/render';
import { waitUntil } from '../src/control-plane/wait-until.ts';
import type { KubeObject } from '../src/kube/kube-client.ts';
import { objectPath } from '../src/kube/workloads.ts';
import { repoRoot, useCluster } from './support/cluster-suite.ts';

/**
 * The add-on namespaces' NetworkPolicies on the real API server. The suite's platform stack
 * installs no chart (they cannot be fetched offline), so the add-on namespaces are not part of
 * its deploy: this renders the example dev stack (every add-on on, the same program a deploy
 * runs) and applies what it would create for them, so the API server itself validates each
 * policy, and reads them back.
 */
const { kube } = useCluster();
const addonNamespaces = ['envoy-gateway-system', 'cert-manager', 'velero', 'monitoring'];
const devConfig = (
  parse(readFileSync(join(repoRoot, 'infra/platform/Pulumi.dev.yaml'), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;

interface NetworkPolicy extends KubeObject {
  readonly spec: Record<string, unknown>;
}

const pathOf = (object: { kind: string; metadata: { name: string; namespace?: string } }) =>
  object.kind === 'Namespace'
    ? '/api/v1/namespaces'
    : object.kind === 'PriorityClass'
      ? '/apis/scheduling.k8s.io/v1/priorityclasses'
      : objectPath('networking.k8s.io/v1', object.metadata.namespace ?? '', 'networkpolicies');

describe('the platform namespaces, locked down on a real API server', () => {
  let rendered: RenderedPlatform;
  let applied: RenderedPlatform['objects'] = [];

  beforeAll(async () => {
    rendered = await renderPlatform('dev', devConfig);
    applied = rendered.objects.filter(
      (object) =>
        (object.kind === 'Namespace' && addonNamespaces.includes(object.metadata.name)) ||
        (object.kind === 'NetworkPolicy' &&
          addonNamespaces.includes(object.metadata.namespace ?? '')) ||
        object.kind === 'PriorityClass',
    );
  });
  afterAll(async () => {
    // Nothing of this test may outlive it: the suite's destroy checks look for Pulumi's labels.
    for (const object of applied.filter((o) => o.kind !== 'NetworkPolicy')) {
      await kube.request('DELETE', `${pathOf(object)}/${object.metadata.name}`);
    }
    for (const namespace of addonNamespaces) {
      await waitUntil(
        async () => (await kube.get(`/api/v1/namespaces/${namespace}`)) === undefined,
        { what: `namespace ${namespace} deleted`, timeoutMs: 120_000 },
      );
    }
  });

  it("accepts every add-on namespace, its policies and the edge's PriorityClass as rendered", async () => {
    expect(applied.filter((o) => o.kind === 'NetworkPolicy').length).toBeGreaterThan(10);
    // Namespaces first: a policy needs its namespace.
    const ordered = [...applied].sort(
      (a, b) => Number(a.kind !== 'Namespace') - Number(b.kind !== 'Namespace'),
    );
    for (const object of ordered) {
      const created = await kube.create(pathOf(object), object);
      expect(
        created.status,
        `${object.kind} ${object.metadata.name}: ${JSON.stringify(created.body)}`,
      ).toBe(201);
    }
  });

  it.each(addonNamespaces)(
    'reads back a default-deny and exactly the rendered allows in %s',
    async (namespace) => {
      const live = await kube.list<NetworkPolicy>(
        objectPath('networking.k8s.io/v1', namespace, 'networkpolicies'),
      );
      const byName = Object.fromEntries(live.map((policy) => [policy.metadata.name, policy.spec]));
      expect(byName['default-deny-all']).toEqual({
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
      });
      const expected = rendered.objects.filter(
        (o) => o.kind === 'NetworkPolicy' && o.metadata.namespace === namespace,
      );
      expect(Object.keys(byName).sort()).toEqual(expected.map((o) => o.metadata.name).sort());
      for (const policy of expected) {
        expect(byName[policy.metadata.name], policy.metadata.name).toEqual(policy.spec);
      }
    },
  );
});
