import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  named,
  ofType,
  type ProgramRun,
  promiseOf,
  type RecordedResource,
  runProgramWithMocks,
} from '@slipway/infra-testing';
import { resolveEksNodePool } from '../src/eks-cluster.ts';
import { zoneCidrs } from '../src/subnet-cidrs.ts';

const project = 'slipway-cluster-eks';
const fakeKubeconfig = '{"apiVersion":"v1","kind":"Config","clusters":[]}';

type Program = typeof import('../src/index.ts');

function runProgram(config: Record<string, unknown>): Promise<ProgramRun<Program>> {
  return runProgramWithMocks(
    {
      project,
      config: { 'aws:region': 'eu-west-1', ...config },
      outputsOf: (resource) =>
        resource.type === 'eks:index:Cluster'
          ? {
              kubeconfigJson: fakeKubeconfig,
              oidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.example',
              oidcIssuer: 'oidc.eks.example/id/ABC',
            }
          : undefined,
      calls: {
        'aws:index/getAvailabilityZones:getAvailabilityZones': {
          names: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'],
        },
        'aws:index/getPartition:getPartition': { partition: 'aws' },
      },
    },
    () => import('../src/index.ts'),
  );
}

const privateSubnets = (resources: RecordedResource[]) =>
  ofType(resources, 'aws:ec2/subnet:Subnet').filter((subnet) => subnet.name.includes('-private-'));

describe('EKS cluster program with settings from stack config', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runProgram({
      [`${project}:kubernetesVersion`]: '1.34',
      [`${project}:availabilityZones`]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      [`${project}:nodePool`]: { instanceType: 'c7i.xlarge', minSize: 4, maxSize: 12 },
    }));
  });

  it('creates one EKS cluster of the configured Kubernetes version', () => {
    const clusters = ofType(resources, 'eks:index:Cluster');
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.inputs).toMatchObject({ name: 'slipway-dev', version: '1.34' });
  });

  it('puts nodes in one private subnet per configured zone, without public IPs', () => {
    expect(privateSubnets(resources).map((subnet) => subnet.inputs.availabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    const cluster = named(resources, 'eks:index:Cluster', 'slipway-eks');
    expect(cluster.inputs).toMatchObject({
      nodeAssociatePublicIpAddress: false,
      skipDefaultNodeGroup: true,
      privateSubnetIds: privateSubnets(resources).map((subnet) => `${subnet.name}-id`),
    });
  });

  it('gives each zone its own NAT gateway so one zone outage leaves the others online', () => {
    expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
  });

  it('creates an autoscaling managed node group with min, max and instance type from stack config', () => {
    const groups = ofType(resources, 'eks:index:ManagedNodeGroup');
    expect(groups).toHaveLength(1);
    expect(groups[0]?.inputs).toMatchObject({
      instanceTypes: ['c7i.xlarge'],
      scalingConfig: { minSize: 4, maxSize: 12, desiredSize: 4 },
      ignoreScalingChanges: true,
      subnetIds: privateSubnets(resources).map((subnet) => `${subnet.name}-id`),
    });
  });

  it('runs cluster-autoscaler for this cluster with an image matching the Kubernetes version', () => {
    const release = named(resources, 'kubernetes:helm.sh/v3:Release', 'slipway-cluster-autoscaler');
    expect(release.inputs).toMatchObject({
      chart: 'cluster-autoscaler',
      values: {
        autoDiscovery: { clusterName: 'slipway-dev' },
        awsRegion: 'eu-west-1',
        image: { tag: 'v1.34.0' },
      },
    });
  });

  it('installs metrics-server from a pinned chart, since EKS has no resource metrics API built in', () => {
    const release = named(resources, 'kubernetes:helm.sh/v3:Release', 'slipway-metrics-server');
    expect(release.inputs).toMatchObject({
      chart: 'metrics-server',
      namespace: 'kube-system',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });

  it('turns on NetworkPolicy enforcement in the VPC CNI', () => {
    expect(named(resources, 'eks:index:Cluster', 'slipway-eks').inputs).toMatchObject({
      useDefaultVpcCni: false,
      vpcCniOptions: { enableNetworkPolicy: true },
    });
  });

  it('exports the kubeconfig as a secret output', async () => {
    expect(await pulumi.isSecret(program.kubeconfig)).toBe(true);
    expect(await promiseOf(program.kubeconfig)).toBe(fakeKubeconfig);
  });
});

describe('EKS cluster program with an empty stack config', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram({}));
  });

  it('uses Kubernetes 1.35 and 3 to 9 m7i.large nodes', () => {
    expect(named(resources, 'eks:index:Cluster', 'slipway-eks').inputs.version).toBe('1.35');
    expect(named(resources, 'eks:index:ManagedNodeGroup', 'slipway-nodes').inputs).toMatchObject({
      instanceTypes: ['m7i.large'],
      scalingConfig: { minSize: 3, maxSize: 9 },
    });
  });

  it("spreads over the region's first three available zones", () => {
    expect(privateSubnets(resources).map((subnet) => subnet.inputs.availabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
  });
});

describe('resolveEksNodePool', () => {
  it.each([
    [{ minSize: 0 }, /nodePool\.minSize/],
    [{ minSize: 5, maxSize: 4 }, /nodePool\.maxSize/],
    [{ minSize: 2.5 }, /nodePool\.minSize/],
  ])('rejects %o naming the field', (pool, message) => {
    expect(() => resolveEksNodePool(pool)).toThrow(message);
  });
});

describe('zoneCidrs', () => {
  it('never hands two zones or two tiers the same range', () => {
    const all = [0, 1, 2, 3, 4, 5].flatMap((index) => Object.values(zoneCidrs(index)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('refuses a seventh zone instead of overlapping', () => {
    expect(() => zoneCidrs(6)).toThrow(RangeError);
  });
});
