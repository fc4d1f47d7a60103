import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envoyGatewayKubernetesRange } from '@slipway/infra-platform/versions';

// The pins live in the workflow's env (one place, next to why they were chosen).
const workflowFile = new URL('../../../.github/workflows/e2e-kind.yml', import.meta.url);

interface Step {
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string>>;
}
const workflow = parse(readFileSync(workflowFile, 'utf8')) as {
  jobs: { kind: { env: Readonly<Record<string, string>>; steps: readonly Step[] } };
};
const { env, steps } = workflow.jobs.kind;

/** A workflow expression reading the job's env. */
const envRef = (name: string) => `\${{ env.${name} }}`;

const minor = (version: string) => {
  const match = /^v?1\.(\d+)(?:\.\d+)?$/.exec(version);
  if (!match) throw new Error(`not a Kubernetes version: ${version}`);
  return Number(match[1]);
};

describe('the kind e2e cluster versions', () => {
  const image = /^kindest\/node:(v1\.\d+\.\d+)@sha256:[0-9a-f]{64}$/.exec(
    env.KIND_NODE_IMAGE ?? '',
  );

  it('pin a kind release and its node image by digest', () => {
    expect(env.KIND_VERSION).toMatch(/^v0\.\d+\.\d+$/);
    expect(
      image,
      `KIND_NODE_IMAGE ${env.KIND_NODE_IMAGE} must be kindest/node:vX.Y.Z@sha256:…`,
    ).not.toBeNull();
  });

  it("run a Kubernetes minor inside the pinned Envoy Gateway's supported range", () => {
    const node = minor(image?.[1] ?? '');
    expect(node).toBeGreaterThanOrEqual(minor(envoyGatewayKubernetesRange.min));
    expect(node).toBeLessThanOrEqual(minor(envoyGatewayKubernetesRange.max));
  });

  it('use a kubectl of the same minor as the nodes', () => {
    expect(minor(env.KUBECTL_VERSION ?? '')).toBe(minor(image?.[1] ?? ''));
  });

  it('are what the kind-action step installs, not its defaults', () => {
    const kind = steps.find((s) => s.uses?.startsWith('helm/kind-action@'));
    expect(kind?.with).toMatchObject({
      version: envRef('KIND_VERSION'),
      node_image: envRef('KIND_NODE_IMAGE'),
      kubectl_version: envRef('KUBECTL_VERSION'),
    });
  });
});
