import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, type RecordedResource } from '@slipway/infra-testing';
import { clusterInputs, runProgram, subscriptionId, types } from './aks-program.ts';

describe('egress of the AKS cluster', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    ({ resources } = await runProgram());
  });

  it('leaves through a Standard NAT gateway with one static, zone-redundant public IP', () => {
    expect(named(resources, types.publicIp, 'slipway-egress-ip').inputs).toMatchObject({
      sku: { name: 'Standard', tier: 'Regional' },
      publicIPAllocationMethod: 'Static',
      zones: ['1', '2', '3'],
    });
    expect(named(resources, types.natGateway, 'slipway-nat').inputs).toMatchObject({
      sku: { name: 'Standard' },
      publicIpAddresses: [{ id: 'slipway-egress-ip-id' }],
    });
  });

  it('attaches the NAT gateway to the node subnet and tells AKS to use it', () => {
    expect(named(resources, types.subnet, 'slipway-nodes').inputs).toMatchObject({
      natGateway: { id: 'slipway-nat-id' },
    });
    expect(clusterInputs(resources).networkProfile).toMatchObject({
      outboundType: 'userAssignedNATGateway',
    });
  });

  it('gives the cluster its own identity, a Network Contributor of the virtual network and the NAT gateway', () => {
    expect(clusterInputs(resources).identity).toEqual({
      type: 'UserAssigned',
      userAssignedIdentities: ['slipway-identity-id'],
    });
    const grants = ofType(resources, types.roleAssignment).filter(
      (grant) => grant.inputs.principalId === 'control-plane-principal',
    );
    const networkContributor = `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/4d97b98b-1d4f-4787-a291-c67834d212e7`;
    expect(grants.map((grant) => grant.inputs)).toEqual(
      ['slipway-vnet-id', 'slipway-nat-id'].map((scope) => ({
        scope,
        roleDefinitionId: networkContributor,
        principalId: 'control-plane-principal',
        principalType: 'ServicePrincipal',
      })),
    );
  });
});
