import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { renderPlatform } from '@slipway/infra-platform/render';
import { checkAdmittedImage } from '@slipway/infra-policy/image-admission-rule';
import { waitUntil } from '../src/control-plane/wait-until.ts';
import type { KubeResponse } from '../src/kube/kube-client.ts';
import { objectPath } from '../src/kube/workloads.ts';
import { repoRoot, useCluster } from './support/cluster-suite.ts';

/**
 * The image admission policy on the real API server: the ValidatingAdmissionPolicy and binding
 * the platform program renders for the dev stack (the same program a deploy runs), applied here
 * with an environment namespace of their own, then pods tried against them. The policy-controller
 * webhook cannot run here (no node runs its pod): its config is tested under mocks
 * (infra/platform/test/admission.test.ts).
 */
const { kube } = useCluster();
const registry = 'registry.example.test/acme';
const digest = `sha256:${'7d3c'.repeat(16)}`;
const pinned = `${registry}/orders:${'3f78a1c2'.repeat(5)}@${digest}`;
const devConfig = (
  parse(readFileSync(join(repoRoot, 'infra/platform/Pulumi.dev.yaml'), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;
const admissionApi = '/apis/admissionregistration.k8s.io/v1';
const policiesPath = `${admissionApi}/validatingadmissionpolicies`;
const bindingsPath = `${admissionApi}/validatingadmissionpolicybindings`;

interface Rendered {
  readonly kind: string;
  readonly metadata: { name: string; labels?: Record<string, string> };
}

let namespace = '';
let policyName = '';

/** A pod the restricted Pod Security profile admits, so only the image decides. */
const pod = (name: string, image: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: {
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    containers: [
      {
        name: 'app',
        image,
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          readOnlyRootFilesystem: true,
        },
      },
    ],
  },
});
const tryPod = (name: string, image: string, dryRun = false) =>
  kube.create(
    `${objectPath('v1', namespace, 'pods')}${dryRun ? '?dryRun=All' : ''}`,
    pod(name, image),
  );
/**
 * What `kubectl debug` sends: the pod's ephemeral containers, through their subresource. A
 * server-side dry run (admission still runs), so each test finds the pod without one.
 */
const debugPod = (name: string, image: string) =>
  kube.request(
    'PATCH',
    `${objectPath('v1', namespace, 'pods')}/${name}/ephemeralcontainers?dryRun=All`,
    {
      spec: {
        ephemeralContainers: [
          {
            name: 'debugger',
            image,
            securityContext: pod(name, image).spec.containers[0]?.securityContext,
          },
        ],
      },
    },
    'application/strategic-merge-patch+json',
  );
const message = (res: KubeResponse) => String((res.body as { message?: string }).message);

describe('the image admission policy, on a real API server', () => {
  beforeAll(async () => {
    const rendered = await renderPlatform('dev', {
      ...devConfig,
      admission: { registry, signatures: false },
    });
    const objects = rendered.objects as unknown as readonly Rendered[];
    const policy = objects.find((o) => o.kind === 'ValidatingAdmissionPolicy');
    const binding = objects.find((o) => o.kind === 'ValidatingAdmissionPolicyBinding');
    const environment = objects.find(
      (o) => o.kind === 'Namespace' && o.metadata.name === rendered.outputs.namespaces[0],
    );
    if (!policy || !binding || !environment) throw new Error('the render has no image policy');
    policyName = policy.metadata.name;
    // An environment namespace of this test's own: the rendered labels, which the binding selects.
    namespace = `${environment.metadata.name}-admission`;
    for (const [path, object] of [
      [
        '/api/v1/namespaces',
        { ...environment, metadata: { ...environment.metadata, name: namespace } },
      ],
      [policiesPath, policy],
      [bindingsPath, binding],
    ] as const) {
      const created = await kube.create(path, object);
      expect(created.status, `${path}: ${JSON.stringify(created.body)}`).toBe(201);
    }
    // The API server compiles a new policy in the background: wait until it refuses.
    await waitUntil(async () => (await tryPod('probe', 'nginx:1.27', true)).status === 403, {
      what: 'the image policy in force',
      timeoutMs: 120_000,
    });
    // A pod the policy admits, for kubectl debug to add containers to, once the controller
    // manager has given the namespace the service account every pod needs.
    await waitUntil(
      async () =>
        (await kube.get(`/api/v1/namespaces/${namespace}/serviceaccounts/default`)) !== undefined,
      { what: 'the namespace default service account', timeoutMs: 60_000 },
    );
    const debugged = await tryPod('debugged', pinned);
    expect(debugged.status, message(debugged)).toBe(201);
  });

  afterAll(async () => {
    await kube.request('DELETE', `${bindingsPath}/${policyName}`);
    await kube.request('DELETE', `${policiesPath}/${policyName}`);
    // Gone from the API server's view too, before the next file creates pods.
    await waitUntil(async () => (await tryPod('probe', 'nginx:1.27', true)).status === 201, {
      what: 'the image policy gone',
      timeoutMs: 120_000,
    });
    await kube.request('DELETE', `/api/v1/namespaces/${namespace}`);
  });

  it('refuses a pod whose image has a tag and no digest', async () => {
    const res = await tryPod('tag-only', `${registry}/orders:${'3f78a1c2'.repeat(5)}`);
    expect(res.status).toBe(403);
    expect(message(res)).toContain(policyName);
    expect(message(res)).toContain(`refused: ${registry}/orders:`);
  });

  it('refuses a pod whose image comes from another registry, even pinned by digest', async () => {
    const res = await tryPod('elsewhere', `docker.io/library/nginx@${digest}`);
    expect(res.status).toBe(403);
    expect(message(res)).toContain('docker.io/library/nginx');
  });

  it('refuses a Deployment whose pod template breaks the rule, before any pod exists', async () => {
    const template = pod('web', 'nginx:1.27');
    const res = await kube.create(objectPath('apps/v1', namespace, 'deployments'), {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: template.spec },
      },
    });
    expect(res.status).toBe(403);
  });

  it("admits a pod pinned by digest from the platform's registry (server-side dry run)", async () => {
    const res = await tryPod('pinned', pinned, true);
    expect(res.status, message(res)).toBe(201);
  });

  it.each([
    ['a tag-only image', `${registry}/debug:1.0.0`],
    ["another registry's image", 'docker.io/library/busybox'],
  ])(
    'refuses kubectl debug with %s (the pods/ephemeralcontainers subresource)',
    async (_, image) => {
      const res = await debugPod('debugged', image);
      expect(res.status, message(res)).toBe(403);
      expect(message(res)).toContain(policyName);
    },
  );

  it("admits kubectl debug with an image pinned by digest from the platform's registry", async () => {
    const res = await debugPod('debugged', pinned);
    expect(res.status, message(res)).toBe(200);
  });

  it.each([
    pinned,
    `${registry}/orders@${digest}`,
    `${registry}/orders:latest`,
    `${registry}/orders@sha256:${'AB'.repeat(32)}`,
    `registry.example.test/acme-evil/orders@${digest}`,
    `registry.example.test/orders@${digest}`,
  ])("decides %s as infra-policy's check does", async (image) => {
    const res = await tryPod('table', image, true);
    expect(res.status === 201, message(res)).toBe(
      checkAdmittedImage(image, registry) === undefined,
    );
  });
});
