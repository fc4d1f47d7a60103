import { beforeAll, describe, expect, it } from 'vitest';
import {
  named,
  ofType,
  promiseOf,
  type RecordedResource,
  secretValueOf,
} from '@slipway/infra-testing';
import { clusterOutputNames } from '@slipway/infra-workload-identity';
import { vpcCidr, zoneCidrs } from '../src/subnet-cidrs.ts';
import {
  fakeKubeconfig,
  type Program,
  privateSubnets,
  runEksProgram,
  types,
} from './run-eks-program.ts';

const adminRoles = [
  'arn:aws:iam::123456789012:role/platform-admins',
  'arn:aws:iam::123456789012:role/ci/deployer',
];

describe('EKS cluster program with settings from stack config', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runEksProgram({
      kubernetesVersion: '1.34',
      availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      adminRoleArns: adminRoles,
      apiAllowedCidrs: ['203.0.113.0/24'],
    }));
  });

  it('creates one EKS cluster of the configured Kubernetes version', () => {
    const clusters = ofType(resources, types.cluster);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.inputs).toMatchObject({ name: 'slipway-dev', version: '1.34' });
  });

  it('puts the cluster in one private subnet per configured zone, and in no public one', () => {
    expect(privateSubnets(resources).map((subnet) => subnet.inputs.availabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
    const cluster = named(resources, types.cluster, 'slipway-eks');
    expect(cluster.inputs.privateSubnetIds).toEqual(
      privateSubnets(resources).map((subnet) => `${subnet.name}-id`),
    );
    expect(cluster.inputs.publicSubnetIds).toBeUndefined();
  });

  it('gives each zone its own NAT gateway so one zone outage leaves the others online', () => {
    expect(ofType(resources, 'aws:ec2/natGateway:NatGateway')).toHaveLength(3);
  });

  it('authenticates by access entries only, with no aws-auth ConfigMap and no IAM OIDC provider', () => {
    const cluster = named(resources, types.cluster, 'slipway-eks');
    expect(cluster.inputs).toMatchObject({ authenticationMode: 'API', createOidcProvider: false });
    expect(cluster.inputs.roleMappings).toBeUndefined();
  });

  it('gives each admin role an access entry with the cluster-wide admin access policy', () => {
    expect(ofType(resources, types.accessEntry).map((entry) => entry.inputs)).toEqual(
      adminRoles.map((principalArn) =>
        expect.objectContaining({ clusterName: 'slipway-dev', principalArn, type: 'STANDARD' }),
      ),
    );
    expect(ofType(resources, types.accessPolicy).map((policy) => policy.inputs)).toEqual(
      adminRoles.map((principalArn) =>
        expect.objectContaining({
          clusterName: 'slipway-dev',
          principalArn,
          policyArn: 'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
          accessScope: { type: 'cluster' },
        }),
      ),
    );
  });

  it('limits the public API endpoint to the configured CIDRs and logs the control plane', () => {
    expect(named(resources, types.cluster, 'slipway-eks').inputs).toMatchObject({
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24'],
      enabledClusterLogTypes: ['api', 'audit', 'authenticator'],
    });
  });

  it('installs metrics-server from a pinned chart, since EKS has no resource metrics API built in', () => {
    const release = named(resources, types.release, 'slipway-metrics-server');
    expect(release.inputs).toMatchObject({
      chart: 'metrics-server',
      namespace: 'kube-system',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      values: { tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }] },
    });
  });

  it('exports every output the platform and services programs read, by their owned names', () => {
    for (const output of Object.values(clusterOutputNames)) {
      expect(program).toHaveProperty(output);
    }
  });

  it('exports the kubeconfig as a secret output', async () => {
    expect(await secretValueOf(program.kubeconfig)).toBe(fakeKubeconfig);
  });

  it('exports EKS Pod Identity as the workload identity, with the cluster name and region', async () => {
    expect(await promiseOf(program.workloadIdentity)).toEqual({
      cloud: 'aws',
      clusterName: 'slipway-dev',
      region: 'eu-west-1',
    });
  });
});

describe('EKS cluster program with an empty stack config', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runEksProgram());
  });

  it('uses Kubernetes 1.35', () => {
    expect(named(resources, types.cluster, 'slipway-eks').inputs.version).toBe('1.35');
  });

  it("spreads over the region's first three available zones", () => {
    expect(privateSubnets(resources).map((subnet) => subnet.inputs.availabilityZone)).toEqual([
      'eu-west-1a',
      'eu-west-1b',
      'eu-west-1c',
    ]);
  });

  it('gives no one but the deploying identity access', () => {
    expect(ofType(resources, types.accessEntry)).toEqual([]);
  });
});

describe('zoneCidrs', () => {
  it('never hands two zones or two tiers the same range', () => {
    const all = [0, 1, 2, 3, 4, 5].flatMap((index) => Object.values(zoneCidrs(index)));
    expect(new Set(all).size).toBe(all.length);
  });

  it('never lets one range hold addresses of another, nor leave the VPC', () => {
    const span = (cidr: string) => {
      const [address = '', bits = '32'] = cidr.split('/');
      const start = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
      return { start, end: start + 2 ** (32 - Number(bits)) - 1 };
    };
    const ranges = [0, 1, 2, 3, 4, 5].flatMap((index) => Object.values(zoneCidrs(index)).map(span));
    const vpc = span(vpcCidr);
    for (const [i, a] of ranges.entries()) {
      expect(a.start >= vpc.start && a.end <= vpc.end).toBe(true);
      for (const b of ranges.slice(i + 1)) expect(a.end < b.start || b.end < a.start).toBe(true);
    }
  });

  it('refuses a seventh zone instead of overlapping', () => {
    expect(() => zoneCidrs(6)).toThrow(RangeError);
  });
});
