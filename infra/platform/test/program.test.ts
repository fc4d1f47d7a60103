import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { programRunner, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { workloadIdentities } from '@slipway/infra-workload-identity/testing';
import { platformOutputNames } from '../src/platform-outputs.ts';

const project = 'slipway-platform';
const clusterKubeconfig = 'apiVersion: v1\nkind: Config\ncurrent-context: eks\n';

const runProgram = programRunner(
  {
    project,
    config: {
      gateway: { domains: { 'slipway-dev': 'dev.example.com' } },
      certManager: {
        email: 'platform@example.com',
        dns01: { provider: 'cloudDNS', project: 'acme-dns' },
      },
      backups: { provider: 'gcp', bucket: 'acme-velero' },
    },
    outputsOf: (resource) => {
      if (resource.type === 'pulumi:pulumi:StackReference') {
        return {
          outputs: {
            kubeconfig: clusterKubeconfig,
            workloadIdentity: workloadIdentities.gcp,
            gatewayLoadBalancer: { annotations: {} },
          },
          secretOutputNames: ['kubeconfig'],
        };
      }
      return resource.type === 'kubernetes:discovery.k8s.io/v1:EndpointSlice'
        ? { endpoints: [{ addresses: ['10.0.0.5'] }], ports: [{ name: 'https', port: 443 }] }
        : undefined;
    },
  },
  () => import('../src/index.ts'),
);

const kubernetesProviders = (resources: RecordedResource[]) =>
  resources.filter((resource) => resource.type === 'pulumi:providers:kubernetes');

describe('platform program', () => {
  it('deploys with the kubeconfig of the configured cluster stack, still a secret', async () => {
    const { resources } = await runProgram({ clusterStack: 'acme/slipway-cluster-eks/dev' });
    const references = resources.filter((r) => r.type === 'pulumi:pulumi:StackReference');
    // One reference for every output: workload identity, kubeconfig, load balancer.
    expect(references.map((r) => r.inputs.name)).toEqual(['acme/slipway-cluster-eks/dev']);
    expect(kubernetesProviders(resources).map((p) => p.inputs.kubeconfig)).toEqual([
      {
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: clusterKubeconfig,
      },
    ]);
  });

  it("grants Velero and cert-manager through the cluster stack's workload identity", async () => {
    const { resources } = await runProgram({ clusterStack: 'acme/slipway-cluster-gke/dev' });
    const members = resources
      .filter((r) => r.type.startsWith('gcp:'))
      .map((r) => ({ role: r.inputs.role, member: r.inputs.member }));
    const principal = (namespace: string, account: string) =>
      `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/acme-dev.svc.id.goog/subject/ns/${namespace}/sa/${account}`;
    expect(members).toEqual(
      expect.arrayContaining([
        { role: 'roles/dns.admin', member: principal('cert-manager', 'cert-manager') },
        { role: 'roles/storage.objectAdmin', member: principal('velero', 'velero') },
      ]),
    );
  });

  it('uses the ambient kube context when no cluster stack is configured', async () => {
    const { resources } = await runProgram({ kubeContext: 'kind-slipway' });
    expect(resources.filter((r) => r.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    const [provider] = kubernetesProviders(resources);
    expect(provider?.inputs.kubeconfig).toBeUndefined();
    expect(provider?.inputs.context).toBe('kind-slipway');
  });

  it('exports exactly the outputs the services stack reads, by their contract names', async () => {
    const { program } = await runProgram();
    const outputs = program.default;
    expect(Object.keys(outputs).sort()).toEqual(Object.values(platformOutputNames).sort());
    expect(await promiseOf(outputs.namespaces)).toEqual(['slipway-dev']);
    expect(await promiseOf(outputs.clusterIssuer ?? pulumi.output(''))).toBe('letsencrypt');
    // The stack (dev) sets no schedule: dev's profile backs up daily.
    expect(await promiseOf(outputs.backupSchedule ?? pulumi.output(''))).toBe('0 3 * * *');
    expect(await promiseOf(outputs.gateways ?? pulumi.output({}))).toEqual({
      'slipway-dev': {
        domain: 'dev.example.com',
        parentRef: { name: 'public', namespace: 'slipway-dev', sectionName: 'https' },
        dataPlane: {
          namespace: 'envoy-gateway-system',
          podLabels: {
            'gateway.envoyproxy.io/owning-gateway-name': 'public',
            'gateway.envoyproxy.io/owning-gateway-namespace': 'slipway-dev',
          },
        },
        controller: 'envoy-gateway',
      },
    });
  });

  it('leaves out the outputs of parts that are off instead of exporting undefined', async () => {
    const { program } = await runProgram({
      gateway: { enabled: false },
      certManager: { enabled: false },
      backups: { enabled: false },
      monitoring: { enabled: false },
    });
    expect(Object.keys(program.default)).toEqual([platformOutputNames.namespaces]);
    expect(await pulumi.isSecret(program.default.namespaces)).toBe(false);
  });
});
