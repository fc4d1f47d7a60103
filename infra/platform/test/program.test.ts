import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import {
  type ProgramRun,
  promiseOf,
  type RecordedResource,
  runProgramWithMocks,
} from '@slipway/infra-testing';

const project = 'slipway-platform';
const clusterKubeconfig = 'apiVersion: v1\nkind: Config\ncurrent-context: eks\n';

type Program = typeof import('../src/index.js');

function runProgram(config: Record<string, unknown>): Promise<ProgramRun<Program>> {
  return runProgramWithMocks(
    {
      project,
      config: Object.fromEntries(
        Object.entries({
          certManager: { email: 'platform@example.com' },
          backups: { provider: 'gcp', bucket: 'acme-velero' },
          ...config,
        }).map(([key, value]) => [`${project}:${key}`, value]),
      ),
      outputsOf: (resource) =>
        resource.type === 'pulumi:pulumi:StackReference'
          ? { outputs: { kubeconfig: clusterKubeconfig }, secretOutputNames: ['kubeconfig'] }
          : undefined,
    },
    () => import('../src/index.js'),
  );
}

const kubernetesProviders = (resources: RecordedResource[]) =>
  resources.filter((resource) => resource.type === 'pulumi:providers:kubernetes');

describe('platform program', () => {
  it('deploys with the kubeconfig of the configured cluster stack, still a secret', async () => {
    const { resources } = await runProgram({ clusterStack: 'acme/slipway-cluster-eks/dev' });
    const references = resources.filter((r) => r.type === 'pulumi:pulumi:StackReference');
    expect(references.map((r) => r.inputs.name)).toEqual(['acme/slipway-cluster-eks/dev']);
    expect(kubernetesProviders(resources).map((p) => p.inputs.kubeconfig)).toEqual([
      {
        [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig,
        value: clusterKubeconfig,
      },
    ]);
  });

  it('uses the ambient kube context when no cluster stack is configured', async () => {
    const { resources } = await runProgram({ kubeContext: 'kind-slipway' });
    expect(resources.filter((r) => r.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    const [provider] = kubernetesProviders(resources);
    expect(provider?.inputs.kubeconfig).toBeUndefined();
    expect(provider?.inputs.context).toBe('kind-slipway');
  });

  it('exports what the services stack needs: namespaces, ingress class and cluster issuer', async () => {
    const { program } = await runProgram({});
    expect(await promiseOf(program.namespaces)).toEqual(['slipway-dev']);
    expect(await promiseOf(program.ingressNamespace)).toBe('ingress-nginx');
    expect(await promiseOf(program.ingressClassName)).toBe('nginx');
    expect(await promiseOf(program.clusterIssuer)).toBe('letsencrypt');
    expect(await promiseOf(program.backupSchedule)).toBe('0 * * * *');
  });

  it('exports no backup schedule when backups are switched off', async () => {
    const { program } = await runProgram({ backups: { enabled: false } });
    expect(await promiseOf(program.backupSchedule)).toBeUndefined();
    expect(await pulumi.isSecret(program.namespaces)).toBe(false);
  });
});
