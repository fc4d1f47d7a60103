import { beforeAll, describe, expect, it } from 'vitest';
import { promiseOf, secretValueOf } from '@slipway/infra-testing';
import { clusterOutputNames } from '@slipway/infra-workload-identity';
import { fakeKubeconfig, issuerUrl, resourceGroupName, runProgram } from './aks-program.ts';

type Program = typeof import('../src/index.ts');

describe('outputs of the AKS cluster program', () => {
  let program: Program;

  beforeAll(async () => {
    ({ program } = await runProgram());
  });

  it('exports every output the platform and services programs read, by their names', () => {
    for (const name of Object.values(clusterOutputNames)) {
      expect(program).toHaveProperty(name);
    }
    expect(Object.keys(program).sort()).toEqual([
      'clusterName',
      'dataNetwork',
      'gatewayLoadBalancer',
      'kubeconfig',
      'resourceGroupName',
      'workloadIdentity',
    ]);
  });

  it('exports the kubeconfig, decoded, as a secret output', async () => {
    expect(await secretValueOf(program.kubeconfig)).toBe(fakeKubeconfig);
  });

  it('exports the cluster and resource group names', async () => {
    expect(await promiseOf(program.clusterName)).toBe('slipway-dev');
    expect(await promiseOf(program.resourceGroupName)).toBe(resourceGroupName);
  });

  it("exports Azure workload identity: the OIDC issuer, and where to create the pods' identities", async () => {
    expect(await promiseOf(program.workloadIdentity)).toEqual({
      cloud: 'azure',
      oidcIssuerUrl: issuerUrl,
      resourceGroupName,
      location: 'westeurope',
    });
  });

  it("asks for Azure's own public load balancer for the edge proxies, with no class", () => {
    expect(program.gatewayLoadBalancer).toEqual({
      annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' },
    });
  });
});
