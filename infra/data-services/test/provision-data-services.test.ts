import * as pulumi from '@pulumi/pulumi';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { installMocks } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import { resolveDataServices } from '@slipway/service-manifest';
import type { ProvisionRequest } from '../src/provisioner.ts';

/** Every provisioner call, by cloud and kind: the dispatch is what is under test. */
const calls: {
  cloud: string;
  kind: string;
  name: string;
  request: ProvisionRequest<never, unknown>;
  opts: unknown;
}[] = [];

function recording(cloud: string) {
  const provisioner =
    (kind: 'postgres' | 'cache') =>
    (name: string, request: ProvisionRequest<never, unknown>, opts: unknown) => {
      calls.push({ cloud, kind, name, request, opts });
      return {
        kind,
        url: pulumi.secret(`${cloud}-${name}`),
        egress: { cidrs: ['10.0.0.0/24'], port: 1 },
        offering: `${cloud} ${kind}`,
      };
    };
  return { postgres: provisioner('postgres'), cache: provisioner('cache') };
}

vi.mock('../src/aws/index.ts', () => ({ awsProvisioners: recording('aws') }));
vi.mock('../src/gcp/index.ts', () => ({ gcpProvisioners: recording('gcp') }));
vi.mock('../src/azure/index.ts', () => ({ azureProvisioners: recording('azure') }));

const { provisionDataServices } = await import('../src/provision-data-services.ts');

beforeAll(async () => {
  await installMocks({ project: 'data-services-test' });
});

const services = [
  {
    name: 'ledger',
    dataServices: resolveDataServices({ name: 'ledger', postgres: {}, cache: {} }, 'prod'),
  },
  {
    name: 'search-index',
    dataServices: resolveDataServices({ name: 'search-index', cache: {} }, 'prod'),
  },
  { name: 'loner', dataServices: resolveDataServices({ name: 'loner' }, 'prod') },
];

describe('provisionDataServices', () => {
  it.each(['aws', 'gcp', 'azure'] as const)(
    "provisions each declared kind on %s's provisioner, one component per service and kind",
    (cloud) => {
      calls.length = 0;
      const parent = { parent: undefined };
      const endpoints = provisionDataServices(
        {
          network: dataNetworks[cloud],
          environment: 'prod',
          resourcePrefix: 'shop-prod',
          services,
        },
        parent,
      );
      expect(calls.map((c) => `${c.cloud} ${c.name}`)).toEqual([
        `${cloud} ledger-postgres`,
        `${cloud} ledger-cache`,
        `${cloud} search-index-cache`,
      ]);
      expect(calls[0]?.request).toEqual({
        service: 'ledger',
        environment: 'prod',
        resourcePrefix: 'shop-prod',
        network: dataNetworks[cloud],
        settings: services[0]?.dataServices.postgres,
      });
      expect(calls.every((c) => c.opts === parent)).toBe(true);
      expect(Object.keys(endpoints)).toEqual(['ledger', 'search-index']);
      expect(endpoints.ledger?.postgres?.offering).toBe(`${cloud} postgres`);
      expect(endpoints['search-index']).not.toHaveProperty('postgres');
    },
  );
});
