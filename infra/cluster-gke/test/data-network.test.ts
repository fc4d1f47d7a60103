import { beforeAll, describe, expect, it } from 'vitest';
import { named, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { clusterOutputNames } from '@slipway/infra-workload-identity';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { mocked, runGkeProgram } from './helpers/gke-program.ts';

const types = {
  globalAddress: 'gcp:compute/globalAddress:GlobalAddress',
  connection: 'gcp:servicenetworking/connection:Connection',
} as const;

describe('GKE cluster program: the data network for managed data services', () => {
  let resources: RecordedResource[];
  let program: typeof import('../src/index.ts');

  beforeAll(async () => {
    ({ resources, program } = await runGkeProgram());
  });

  it('reserves the address plan range for VPC peering, named for the product and environment', () => {
    expect(named(resources, types.globalAddress, 'slipway-network-data').inputs).toMatchObject({
      name: 'slipway-dev-data',
      purpose: 'VPC_PEERING',
      addressType: 'INTERNAL',
      address: '10.16.0.0',
      prefixLength: 20,
      network: 'slipway-network-network-id',
    });
  });

  it("peers the cluster's network with Google's service producers through that range", () => {
    expect(named(resources, types.connection, 'slipway-network-data-peering').inputs).toEqual({
      network: 'slipway-network-network-id',
      service: 'servicenetworking.googleapis.com',
      reservedPeeringRanges: ['slipway-dev-data'],
    });
  });

  it('exports it as the dataNetwork output, with the range the readers expect', async () => {
    // Indexing by the contract's name fails to compile if the export is named otherwise.
    expect(await promiseOf(program[clusterOutputNames.dataNetwork])).toEqual({
      cloud: 'gcp',
      project: mocked.project,
      region: 'europe-west1',
      network: 'slipway-network-network-id',
      privateServiceRangeName: 'slipway-dev-data',
      privateServiceRange: dataNetworks.gcp.privateServiceRange,
    });
  });
});
