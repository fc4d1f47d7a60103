import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import {
  fakeClusterSecurityGroupId,
  type Program,
  privateSubnets,
  runEksProgram,
  types,
} from './run-eks-program.ts';

const podIdentityTrust = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'pods.eks.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession'],
    },
  ],
};

const trustOf = (resources: RecordedResource[], role: string) =>
  JSON.parse(String(named(resources, types.role, role).inputs.assumeRolePolicy));

describe('EKS cluster program with nodeProvisioning: karpenter', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runEksProgram({
      nodeProvisioning: 'karpenter',
      nodeLimits: { cpu: 200, memory: '800Gi' },
      systemNodes: { instanceType: 'm7g.large', count: 3 },
    }));
  });

  it('does not turn on Auto Mode, and enforces NetworkPolicy in the VPC CNI', () => {
    const cluster = named(resources, types.cluster, 'slipway-eks');
    expect(cluster.inputs.autoMode).toBeUndefined();
    expect(cluster.inputs).toMatchObject({
      useDefaultVpcCni: false,
      vpcCniOptions: { enableNetworkPolicy: true },
    });
    expect(ofType(resources, types.configMap)).toEqual([]);
  });

  it('runs a fixed system node group, tainted CriticalAddonsOnly, in the private subnets', () => {
    expect(ofType(resources, types.nodeGroup)).toHaveLength(1);
    expect(named(resources, types.nodeGroup, 'slipway-system-nodes').inputs).toMatchObject({
      instanceTypes: ['m7g.large'],
      scalingConfig: { minSize: 3, maxSize: 3, desiredSize: 3 },
      taints: [{ key: 'CriticalAddonsOnly', value: 'true', effect: 'NO_SCHEDULE' }],
      subnetIds: privateSubnets(resources).map((subnet) => `${subnet.name}-id`),
    });
  });

  it('installs Karpenter from its pinned OCI chart, reading the interruption queue', () => {
    const queue = named(resources, types.queue, 'slipway-karpenter-interruption');
    expect(named(resources, types.release, 'slipway-karpenter').inputs).toMatchObject({
      chart: 'oci://public.ecr.aws/karpenter/karpenter',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      namespace: 'kube-system',
      values: {
        settings: { clusterName: 'slipway-dev', interruptionQueue: queue.name },
        serviceAccount: { name: 'karpenter' },
      },
    });
  });

  it('feeds the interruption queue from EventBridge rules for Spot, health, rebalance and state-change events', () => {
    const patterns = ofType(resources, types.eventRule).map((rule) =>
      JSON.parse(String(rule.inputs.eventPattern)),
    );
    expect(patterns.map((pattern) => pattern['detail-type'][0])).toEqual([
      'AWS Health Event',
      'EC2 Spot Instance Interruption Warning',
      'EC2 Instance Rebalance Recommendation',
      'EC2 Instance State-change Notification',
    ]);
    for (const target of ofType(resources, types.eventTarget)) {
      expect(target.inputs.arn).toBe('arn:aws:mock:::slipway-karpenter-interruption');
    }
  });

  it('gives Karpenter, the EBS CSI driver and the load balancer controller their roles by EKS Pod Identity', () => {
    expect(
      ofType(resources, types.podIdentity).map(({ inputs }) => [
        inputs.serviceAccount,
        inputs.roleArn,
      ]),
    ).toEqual([
      ['karpenter', 'arn:aws:mock:::slipway-karpenter-controller'],
      ['aws-load-balancer-controller', 'arn:aws:mock:::slipway-load-balancer-controller-role'],
    ]);
    expect(named(resources, types.addon, 'slipway-ebs-csi').inputs).toMatchObject({
      addonName: 'aws-ebs-csi-driver',
      podIdentityAssociations: [
        { roleArn: 'arn:aws:mock:::slipway-ebs-csi', serviceAccount: 'ebs-csi-controller-sa' },
      ],
    });
    for (const role of [
      'slipway-karpenter-controller',
      'slipway-ebs-csi',
      'slipway-load-balancer-controller-role',
    ]) {
      expect(trustOf(resources, role)).toEqual(podIdentityTrust);
    }
    expect(named(resources, types.addon, 'slipway-pod-identity-agent').inputs.addonName).toBe(
      'eks-pod-identity-agent',
    );
  });

  it('makes encrypted gp3 volumes from the EBS CSI add-on the default storage', () => {
    expect(named(resources, types.storageClass, 'slipway-gp3').inputs).toMatchObject({
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', encrypted: 'true' },
    });
  });

  it("lets Karpenter's nodes join by an EC2_LINUX access entry for their role", () => {
    expect(named(resources, types.accessEntry, 'slipway-karpenter-nodes').inputs).toMatchObject({
      principalArn: 'arn:aws:mock:::slipway-karpenter-nodes',
      type: 'EC2_LINUX',
    });
  });

  it('launches Karpenter nodes in the private subnets with the cluster security group', () => {
    expect(named(resources, types.nodeClass, 'slipway-karpenter-node-class').inputs).toMatchObject({
      metadata: { name: 'default' },
      spec: {
        role: 'slipway-karpenter-nodes',
        subnetSelectorTerms: privateSubnets(resources).map((subnet) => ({
          id: `${subnet.name}-id`,
        })),
        securityGroupSelectorTerms: [{ id: fakeClusterSecurityGroupId }],
      },
    });
  });

  it('offers on-demand and Spot across several instance families, capped by nodeLimits, consolidating', () => {
    const pool = named(resources, types.nodePool, 'slipway-karpenter-node-pool').inputs;
    expect(pool).toMatchObject({
      spec: {
        template: { spec: { nodeClassRef: { kind: 'EC2NodeClass', name: 'default' } } },
        limits: { cpu: '200', memory: '800Gi' },
        disruption: { consolidationPolicy: 'WhenEmptyOrUnderutilized' },
      },
    });
    const requirements = (pool.spec as { template: { spec: { requirements: unknown[] } } }).template
      .spec.requirements;
    expect(requirements).toContainEqual({
      key: 'karpenter.sh/capacity-type',
      operator: 'In',
      values: ['on-demand', 'spot'],
    });
    expect(requirements).toContainEqual({
      key: 'karpenter.k8s.aws/instance-category',
      operator: 'In',
      values: ['c', 'm', 'r'],
    });
  });

  it('installs the AWS Load Balancer Controller from its pinned chart, serving only its own class', () => {
    expect(
      named(resources, types.release, 'slipway-load-balancer-controller').inputs,
    ).toMatchObject({
      chart: 'aws-load-balancer-controller',
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      values: {
        clusterName: 'slipway-dev',
        serviceAccount: { name: 'aws-load-balancer-controller' },
        enableServiceMutatorWebhook: false,
      },
    });
  });

  it("asks for the load balancer controller's internet-facing NLB sending to pod IPs for the gateway", async () => {
    expect(await promiseOf(program.gatewayLoadBalancer)).toEqual({
      loadBalancerClass: 'service.k8s.aws/nlb',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes':
          'preserve_client_ip.enabled=true',
      },
    });
  });
});

describe('EKS cluster program with nodeProvisioning: karpenter and no sizes', () => {
  it('caps Karpenter at 64 vCPUs and 256Gi and runs two m7i.large system nodes', async () => {
    const { resources } = await runEksProgram({ nodeProvisioning: 'karpenter' });
    expect(named(resources, types.nodePool, 'slipway-karpenter-node-pool').inputs).toMatchObject({
      spec: { limits: { cpu: '64', memory: '256Gi' } },
    });
    expect(named(resources, types.nodeGroup, 'slipway-system-nodes').inputs).toMatchObject({
      instanceTypes: ['m7i.large'],
      scalingConfig: { desiredSize: 2 },
    });
  });
});
