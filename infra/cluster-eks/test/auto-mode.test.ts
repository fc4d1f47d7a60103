import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { type Program, runEksProgram, types } from './run-eks-program.ts';

describe('EKS cluster program with nodeProvisioning: auto-mode (the default)', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runEksProgram());
  });

  it('turns on EKS Auto Mode with its general-purpose and system node pools', () => {
    expect(named(resources, types.cluster, 'slipway-eks').inputs.autoMode).toEqual({
      enabled: true,
      createNodeRole: true,
      computeConfig: { nodePools: ['general-purpose', 'system'] },
    });
  });

  it('leaves nodes, block storage and load balancers to EKS: no node group, Karpenter, autoscaler or add-ons of its own', () => {
    expect(ofType(resources, types.nodeGroup)).toEqual([]);
    expect(ofType(resources, types.addon)).toEqual([]);
    expect(ofType(resources, types.release).map((release) => release.name)).toEqual([
      'slipway-metrics-server',
    ]);
    expect(ofType(resources, types.nodePool)).toEqual([]);
    expect(ofType(resources, types.queue)).toEqual([]);
  });

  it('turns on the network policy controller that Auto Mode leaves off', () => {
    expect(named(resources, types.configMap, 'slipway-network-policy').inputs).toMatchObject({
      metadata: { name: 'amazon-vpc-cni', namespace: 'kube-system' },
      data: { 'enable-network-policy-controller': 'true' },
    });
  });

  it("makes encrypted gp3 volumes from Auto Mode's own EBS driver the default storage", () => {
    expect(named(resources, types.storageClass, 'slipway-gp3').inputs).toMatchObject({
      metadata: { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
      provisioner: 'ebs.csi.eks.amazonaws.com',
      parameters: { type: 'gp3', encrypted: 'true' },
      volumeBindingMode: 'WaitForFirstConsumer',
    });
  });

  it("asks for Auto Mode's internet-facing NLB sending to pod IPs for the gateway", async () => {
    expect(await promiseOf(program.gatewayLoadBalancer)).toEqual({
      loadBalancerClass: 'eks.amazonaws.com/nlb',
      annotations: {
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
        'service.beta.kubernetes.io/aws-load-balancer-target-group-attributes':
          'preserve_client_ip.enabled=true',
      },
    });
  });
});
