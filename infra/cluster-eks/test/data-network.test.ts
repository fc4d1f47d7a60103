import { beforeAll, describe, expect, it } from 'vitest';
import { named, ofType, promiseOf, type RecordedResource } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { type Program, runEksProgram, types } from './run-eks-program.ts';

const routeTable = 'aws:ec2/routeTable:RouteTable';
const association = 'aws:ec2/routeTableAssociation:RouteTableAssociation';

const dataSubnets = (resources: RecordedResource[]) =>
  ofType(resources, types.subnet).filter((subnet) => subnet.name.includes('-data-'));

describe('EKS cluster program: the data network for managed databases and caches', () => {
  let resources: RecordedResource[];
  let program: Program;

  beforeAll(async () => {
    ({ resources, program } = await runEksProgram());
  });

  it('gives each zone a data subnet in the cluster VPC', () => {
    expect(dataSubnets(resources).map((subnet) => subnet.inputs)).toEqual(
      ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'].map((availabilityZone) =>
        expect.objectContaining({
          availabilityZone,
          vpcId: 'slipway-network-vpc-id',
          mapPublicIpOnLaunch: false,
        }),
      ),
    );
  });

  it('routes the data subnets nowhere but inside the VPC', () => {
    for (const subnet of dataSubnets(resources)) {
      const routes = named(resources, association, subnet.name).inputs.routeTableId;
      const table = ofType(resources, routeTable).find((t) => `${t.name}-id` === routes);
      expect(table?.inputs.routes).toEqual([]);
    }
  });

  it('tags the data subnets for no load balancer and no cluster', () => {
    for (const subnet of dataSubnets(resources)) {
      expect(Object.keys(subnet.inputs.tags as object)).toEqual(['Name']);
    }
  });

  it("exports the data network with the address plan the services program's fixtures hold", async () => {
    const { vpcId, subnetIds, ...plan } = await promiseOf(program.dataNetwork);
    const fixture = dataNetworks.aws;
    expect(plan).toEqual({
      cloud: fixture.cloud,
      region: fixture.region,
      subnetCidrs: fixture.subnetCidrs,
      clientCidrs: fixture.clientCidrs,
    });
    expect(vpcId).toBe('slipway-network-vpc-id');
    expect(subnetIds).toEqual(dataSubnets(resources).map((subnet) => `${subnet.name}-id`));
  });

  it('admits clients from the subnets the nodes and pods are in', async () => {
    const { clientCidrs } = await promiseOf(program.dataNetwork);
    const privateCidrs = ofType(resources, types.subnet)
      .filter((subnet) => subnet.name.includes('-private-'))
      .map((subnet) => subnet.inputs.cidrBlock);
    expect(clientCidrs).toEqual(privateCidrs);
  });
});
