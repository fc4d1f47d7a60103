import { describe, expect, it } from 'vitest';
import { installMocks, promiseOf } from '@slipway/infra-testing';
import { gatewayLoadBalancerFrom, workloadIdentityFrom } from './cluster-output-checks.ts';
import { dataNetworkFrom } from './data-network-check.ts';
import { dataNetworks, workloadIdentities } from './identity-fixtures.ts';
import { readClusterStack } from './read-cluster-stack.ts';

const clusterStack = 'acme/slipway-cluster-eks/dev';

/** Mocks in which every StackReference reads the given cluster outputs. */
function clusterExports(outputs: Record<string, unknown>) {
  return installMocks({
    project: 'identity-test',
    outputsOf: (resource) =>
      resource.type === 'pulumi:pulumi:StackReference' ? { outputs } : undefined,
  });
}

describe('readClusterStack', () => {
  it('reads nothing without a cluster stack: a kind or local cluster has no cloud identity', async () => {
    const resources = await clusterExports({});
    expect(await readClusterStack(undefined)).toBeUndefined();
    expect(resources).toEqual([]);
  });

  it('reads an output only when it is used: no failure for one nobody takes', async () => {
    await clusterExports({ workloadIdentity: workloadIdentities.aws, kubeconfig: 'x' });
    const failures: unknown[] = [];
    const record = (reason: unknown) => failures.push(reason);
    process.on('unhandledRejection', record);
    try {
      const cluster = await readClusterStack(clusterStack);
      if (!cluster) throw new Error('no cluster stack read');
      // Once the kubeconfig is in, the reference's outputs are; a turn of the event loop later,
      // Node has reported any rejection nobody handled.
      expect(await promiseOf(cluster.kubeconfig)).toBe('x');
      await new Promise((done) => setImmediate(done));
      expect(failures).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });

  it.each(Object.values(workloadIdentities))(
    "reads the cluster stack's $cloud identity as a plain value",
    async (identity) => {
      const resources = await clusterExports({ workloadIdentity: identity, kubeconfig: 'x' });
      expect((await readClusterStack(clusterStack))?.workloadIdentity).toEqual(identity);
      expect(resources.map((r) => r.inputs.name)).toEqual([clusterStack]);
    },
  );

  it('fails naming the stack and the fix when the cluster stack exports no identity', async () => {
    await clusterExports({ kubeconfig: 'x' });
    await expect(readClusterStack(clusterStack)).rejects.toThrow(
      `stack ${clusterStack}'s output 'workloadIdentity' is missing: run pulumi up on the cluster stack`,
    );
  });
});

describe('workloadIdentityFrom', () => {
  it.each([
    ['an unknown cloud', { cloud: 'oci' }, `has cloud "oci", not one of aws, gcp, azure`],
    ['no cloud', 'aws', 'has cloud undefined'],
    [
      'an aws identity without its region',
      { cloud: 'aws', clusterName: 'c' },
      'lacks region for aws',
    ],
    [
      'a gcp identity with an empty pool',
      { ...workloadIdentities.gcp, workloadPool: '' },
      'lacks workloadPool for gcp',
    ],
    [
      'an azure identity without an issuer',
      { ...workloadIdentities.azure, oidcIssuerUrl: 1 },
      'lacks oidcIssuerUrl for azure',
    ],
  ])('refuses %s, naming the stack', (_, value, message) => {
    expect(() => workloadIdentityFrom(value, clusterStack)).toThrow(
      `stack ${clusterStack}'s output 'workloadIdentity' ${message}`,
    );
  });

  it('keeps only the fields of the identity’s cloud', () => {
    expect(workloadIdentityFrom({ ...workloadIdentities.aws, extra: 1 }, clusterStack)).toEqual(
      workloadIdentities.aws,
    );
  });
});

describe('gatewayLoadBalancerFrom', () => {
  it('keeps the class and annotations of a valid output', () => {
    const value = { loadBalancerClass: 'eks.amazonaws.com/nlb', annotations: { a: 'b' } };
    expect(gatewayLoadBalancerFrom(value, clusterStack)).toEqual(value);
    expect(gatewayLoadBalancerFrom({ annotations: {} }, clusterStack)).toEqual({ annotations: {} });
  });

  it.each([
    ['nothing', undefined],
    ['annotations that are not strings', { annotations: { a: 1 } }],
    ['a class that is not a string', { loadBalancerClass: 3, annotations: {} }],
  ])('refuses %s, naming the stack and the fix', (_, value) => {
    expect(() => gatewayLoadBalancerFrom(value, clusterStack)).toThrow(
      `stack ${clusterStack} exports no valid gatewayLoadBalancer ({ loadBalancerClass?, annotations }): run pulumi up on the cluster stack`,
    );
  });
});

describe('the data network', () => {
  it.each(Object.values(dataNetworks))(
    'is read as a plain value, the $cloud network as exported',
    async (network) => {
      await clusterExports({ workloadIdentity: workloadIdentities.aws, dataNetwork: network });
      expect((await readClusterStack(clusterStack))?.dataNetwork).toEqual(network);
    },
  );

  it('is undefined for a cluster stack that exports none', async () => {
    await clusterExports({ workloadIdentity: workloadIdentities.aws });
    expect((await readClusterStack(clusterStack))?.dataNetwork).toBeUndefined();
  });

  it.each([
    ['an unknown cloud', { cloud: 'oci' }, 'has cloud "oci", not one of aws, gcp, azure'],
    [
      'aws subnets without their CIDRs',
      { ...dataNetworks.aws, subnetCidrs: [] },
      'lacks subnetCidrs for aws',
    ],
    [
      'a gcp network without its range',
      { ...dataNetworks.gcp, privateServiceRange: '' },
      'lacks privateServiceRange for gcp',
    ],
  ])('refuses %s, naming the stack and the fix', (_, value, message) => {
    expect(() => dataNetworkFrom(value, clusterStack)).toThrow(
      `stack ${clusterStack}'s output 'dataNetwork' ${message}`,
    );
  });
});
