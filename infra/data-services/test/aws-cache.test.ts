import { beforeAll, describe, expect, it } from 'vitest';
import {
  isSecretMarker,
  named,
  ofType,
  type RecordedResource,
  secretValueOf,
} from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import type { DataServiceEndpoint } from '../src/index.ts';
import { type AwsProvisioning, awsTypes, provisionOnAws } from './aws-provision.ts';

const network = dataNetworks.aws;

describe.each([
  {
    environment: 'dev',
    protect: false,
    nodes: 1,
    highAvailability: false,
    nodeType: 'cache.t4g.small',
  },
  {
    environment: 'prod',
    protect: true,
    nodes: 2,
    highAvailability: true,
    nodeType: 'cache.m7g.large',
  },
] as const)(
  'cache on AWS in $environment',
  ({ environment, protect, nodes, highAvailability, nodeType }) => {
    let run: AwsProvisioning;
    let group: RecordedResource;
    let endpoint: DataServiceEndpoint;
    const id = `shop-${environment}-ledger-cache`;

    beforeAll(async () => {
      run = await provisionOnAws(environment);
      group = named(run.resources, awsTypes.replicationGroup, 'ledger-cache-group');
      const provisioned = run.endpoints.ledger?.cache;
      if (!provisioned) throw new Error('no cache endpoint for ledger');
      endpoint = provisioned;
    });

    it('creates one ElastiCache for Valkey replication group of the declared size, cluster mode off', () => {
      expect(ofType(run.resources, awsTypes.replicationGroup)).toHaveLength(1);
      expect(group.inputs).toMatchObject({
        replicationGroupId: id,
        engine: 'valkey',
        engineVersion: expect.stringMatching(/^\d+\.\d+$/),
        nodeType,
        clusterMode: 'disabled',
      });
    });

    it('requires TLS and an AUTH token, kept secret, and encrypts at rest', () => {
      expect(group.inputs).toMatchObject({
        transitEncryptionEnabled: true,
        transitEncryptionMode: 'required',
        atRestEncryptionEnabled: true,
      });
      expect(isSecretMarker(group.inputs.authToken)).toBe(true);
    });

    it(`runs ${nodes} node(s), failing over to another zone ${highAvailability ? 'in prod' : 'only in prod'}`, () => {
      expect(group.inputs).toMatchObject({
        numCacheClusters: nodes,
        automaticFailoverEnabled: highAvailability,
        multiAzEnabled: highAvailability,
      });
    });

    it(`is ${protect ? '' : 'not '}protected from deletion by Pulumi`, () => {
      expect(run.protectedByName.get('ledger-cache-group')).toBe(protect);
    });

    it("admits TCP 6379 only from the cluster's nodes and pods, and sends nothing out", () => {
      const access = named(run.resources, awsTypes.securityGroup, 'ledger-cache-access');
      expect(access.inputs).toMatchObject({
        vpcId: network.vpcId,
        ingress: [
          expect.objectContaining({
            protocol: 'tcp',
            fromPort: 6379,
            toPort: 6379,
            cidrBlocks: network.clientCidrs,
          }),
        ],
        egress: [],
      });
      expect(group.inputs.securityGroupIds).toEqual(['ledger-cache-access-id']);
    });

    it("puts the cache in the cluster's data subnets", () => {
      const subnets = named(run.resources, awsTypes.cacheSubnetGroup, 'ledger-cache-subnets');
      expect(subnets.inputs).toMatchObject({ name: id, subnetIds: network.subnetIds });
      expect(group.inputs.subnetGroupName).toBe(id);
    });

    it('gives a secret TLS URL to the primary endpoint, with no CA of its own (Amazon Trust Services is public)', async () => {
      expect(await secretValueOf(endpoint.url)).toBe(
        `rediss://:generated-ledger-cache-token@master.${id}.c0ffee.euw1.cache.amazonaws.com:6379`,
      );
      expect(endpoint.caCertificate).toBeUndefined();
    });

    it('lets the service out to the data subnets on 6379 only', () => {
      expect(endpoint.egress).toEqual({ cidrs: network.subnetCidrs, port: 6379 });
    });

    it('names what it provisioned', () => {
      expect(endpoint.offering).toMatch(
        new RegExp(
          `^Amazon ElastiCache for Valkey \\d+\\.\\d+ \\(${nodeType}${highAvailability ? ', Multi-AZ' : ''}\\)$`,
        ),
      );
    });
  },
);
