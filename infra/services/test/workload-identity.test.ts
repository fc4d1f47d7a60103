import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { named, programRunner, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import type { WorkloadIdentity } from '@slipway/infra-workload-identity';
import { identityOutputs, workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { fixturePlatformOutputs } from '../src/render/fixture-platform-outputs.ts';
import { projectName } from '../src/stack-config.ts';
import { catalogConfig, exampleManifests } from './fixtures.ts';

const manifests = exampleManifests();
const names = manifests.map((m) => m.name).sort();
const clusterStack = 'acme/slipway-cluster-eks/dev';

/** The program with a cluster stack exporting `workloadIdentity` (or none: a kind cluster). */
function runProgram(workloadIdentity: WorkloadIdentity | undefined, extraConfig: object = {}) {
  const outputs = {
    ...fixturePlatformOutputs({ 'slipway-dev': 'dev.example.com' }),
    kubeconfig: 'apiVersion: v1\nkind: Config\n',
    gatewayLoadBalancer: { annotations: {} },
    ...(workloadIdentity ? { workloadIdentity } : {}),
  };
  return programRunner(
    {
      project: projectName,
      config: {
        ...catalogConfig(manifests),
        platformStack: 'acme/slipway-platform/dev',
        ...(workloadIdentity ? { clusterStack } : {}),
        ...extraConfig,
      },
      outputsOf: (resource) =>
        resource.type === 'pulumi:pulumi:StackReference' ? { outputs } : identityOutputs(resource),
    },
    () => import('../src/index.ts'),
  )();
}

const serviceAccount = (resources: RecordedResource[], name: string) =>
  named(resources, 'kubernetes:core/v1:ServiceAccount', `${name}-service-account`).inputs as {
    metadata: { annotations?: Record<string, string> };
    automountServiceAccountToken: boolean;
  };
const podLabels = (resources: RecordedResource[], name: string) =>
  (
    named(resources, 'kubernetes:apps/v1:Deployment', `${name}-deployment`).inputs as {
      spec: { template: { metadata: { labels: Record<string, string> } } };
    }
  ).spec.template.metadata.labels;

describe('services on a cluster with workload identity', () => {
  it('reads the cluster stack once and deploys with its kubeconfig', async () => {
    const { resources } = await runProgram(workloadIdentities.aws);
    const references = resources.filter((r) => r.type === 'pulumi:pulumi:StackReference');
    expect(references.map((r) => r.inputs.name).sort()).toEqual(
      [clusterStack, 'acme/slipway-platform/dev'].sort(),
    );
    const provider = resources.find((r) => r.type === 'pulumi:providers:kubernetes');
    expect(JSON.stringify(provider?.inputs)).toContain('kind: Config');
  });

  it('gives each ServiceAccount an EKS Pod Identity role and exports its ARN', async () => {
    const { program, resources } = await runProgram(workloadIdentities.aws);
    for (const name of names) {
      expect(
        named(
          resources,
          'aws:eks/podIdentityAssociation:PodIdentityAssociation',
          `${name}-identity-association`,
        ).inputs,
      ).toMatchObject({ namespace: 'slipway-dev', serviceAccount: name });
      expect(serviceAccount(resources, name).metadata.annotations).toEqual({});
      expect(podLabels(resources, name)).not.toHaveProperty('azure.workload.identity/use');
    }
    expect(await promiseOf(program.identities.orders ?? pulumi.output(''))).toBe(
      'arn:aws:iam::123456789012:role/orders-identity-role',
    );
  });

  it.each(Object.entries(workloadIdentities))(
    'gives a preview no cloud identity on %s: no role, binding or annotation, and exports none',
    async (_cloud, identity) => {
      const preview = { pr: 12, expiresAt: '2026-01-08T12:00:00Z', services: names };
      const { program, resources } = await runProgram(identity, {
        namespace: 'slipway-dev',
        preview,
      });
      const cloud = resources.filter((r) => /^(aws|gcp|azure|azure-native):/.test(r.type));
      expect(cloud.map((r) => r.type)).toEqual([]);
      for (const name of names) {
        expect(serviceAccount(resources, name).metadata.annotations ?? {}).toEqual({});
        expect(podLabels(resources, name)).not.toHaveProperty('azure.workload.identity/use');
      }
      expect(program.identities).toEqual({});
    },
  );

  it("exports each service's GKE federated principal and creates nothing on GCP", async () => {
    const { program, resources } = await runProgram(workloadIdentities.gcp);
    expect(resources.filter((r) => r.type.startsWith('gcp:'))).toEqual([]);
    expect(Object.keys(program.identities).sort()).toEqual(names);
    expect(await promiseOf(program.identities.orders ?? pulumi.output(''))).toBe(
      'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dev.svc.id.goog/subject/ns/slipway-dev/sa/orders',
    );
  });

  it("annotates each ServiceAccount with its Azure identity's client id and labels its pods", async () => {
    const { program, resources } = await runProgram(workloadIdentities.azure);
    for (const name of names) {
      expect(serviceAccount(resources, name).metadata.annotations).toEqual({
        'azure.workload.identity/client-id': `client-${name}-identity`,
      });
      // Still no token of the Kubernetes API: the webhook projects its own.
      expect(serviceAccount(resources, name).automountServiceAccountToken).toBe(false);
      expect(podLabels(resources, name)).toMatchObject({ 'azure.workload.identity/use': 'true' });
    }
    expect(await promiseOf(program.identities.orders ?? pulumi.output(''))).toBe(
      'principal-orders-identity',
    );
  });

  it('creates no identity and exports none without a cluster stack (kind)', async () => {
    const { program, resources } = await runProgram(undefined);
    expect(resources.filter((r) => r.type === 'slipway:identity:ServiceAccountIdentity')).toEqual(
      [],
    );
    expect(serviceAccount(resources, 'orders').metadata).not.toHaveProperty('annotations');
    expect(program.identities).toEqual({});
  });
});
