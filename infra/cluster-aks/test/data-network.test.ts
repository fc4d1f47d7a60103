import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import type { AksDataNetwork } from '../src/aks-data-network.ts';
import { resourceGroupName, runProgram, types } from './aks-program.ts';

type Program = typeof import('../src/index.ts');

const zones = {
  postgres: 'privatelink.postgres.database.azure.com',
  cache: 'privatelink.redis.azure.net',
};

describe('the data network of the AKS cluster', () => {
  let program: Program;
  let resources: RecordedResource[];
  let exported: AksDataNetwork;

  beforeAll(async () => {
    ({ program, resources } = await runProgram());
    exported = await promiseOf(program.dataNetwork);
  });

  it("exports the address plan the services program's tests assume (dataNetworks.azure)", () => {
    const { postgresSubnetCidr, privateEndpointSubnetCidr } = dataNetworks.azure;
    expect(exported).toMatchObject({
      cloud: 'azure',
      location: 'westeurope',
      resourceGroupName,
      postgresSubnetCidr,
      privateEndpointSubnetCidr,
    });
    expect(named(resources, types.subnet, 'slipway-postgres').inputs.addressPrefix).toBe(
      postgresSubnetCidr,
    );
    expect(named(resources, types.subnet, 'slipway-private-endpoints').inputs.addressPrefix).toBe(
      privateEndpointSubnetCidr,
    );
  });

  it('delegates the PostgreSQL subnet to flexible servers, and exports its id', () => {
    expect(named(resources, types.subnet, 'slipway-postgres').inputs.delegations).toEqual([
      { name: 'postgres', serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' },
    ]);
    expect(exported.postgresSubnetId).toBe('slipway-postgres-id');
    expect(exported.privateEndpointSubnetId).toBe('slipway-private-endpoints-id');
  });

  it('creates each private DNS zone and links it to the virtual network, registering nothing', () => {
    expect(ofType(resources, types.privateZone).map((zone) => zone.inputs)).toEqual(
      Object.values(zones).map((privateZoneName) =>
        expect.objectContaining({ privateZoneName, location: 'global' }),
      ),
    );
    expect(ofType(resources, types.zoneLink).map((link) => link.inputs)).toEqual(
      Object.values(zones).map((privateZoneName) =>
        expect.objectContaining({
          privateZoneName,
          virtualNetwork: { id: 'slipway-vnet-id' },
          registrationEnabled: false,
        }),
      ),
    );
    expect(exported).toMatchObject({
      postgresDnsZoneId: 'slipway-postgres-zone-id',
      cacheDnsZoneId: 'slipway-redis-zone-id',
    });
  });

  it('creates one subnet at a time, as Azure requires of a virtual network', () => {
    // Under mocks a resource registers once what it depends on has: the order shows the chain.
    const subnets = ofType(resources, types.subnet).map((subnet) => subnet.name);
    expect(subnets).toEqual(['slipway-nodes', 'slipway-postgres', 'slipway-private-endpoints']);
  });
});
