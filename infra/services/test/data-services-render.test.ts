import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedObject } from '@slipway/infra-testing';
import type { DataNetwork } from '@slipway/infra-workload-identity';
import { readPlatformFile } from '@slipway/platform-contract';
import { networkGraph } from '../src/render/network-graph.ts';
import {
  dataServicesYaml,
  type RenderedService,
  renderServices,
} from '../src/render/render-services.ts';
import { standInDataNetwork } from '../src/render/stand-in-data-network.ts';
import { configFor, find, manifest, platformFor } from './fixtures.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// Rendering provisions on the cloud's provisioners under mocks: seconds on a busy machine.
const renderTimeoutMs = 120_000;

/** The ranges a cluster program sets aside for data services, where every server's address is. */
function networkRanges(network: DataNetwork): readonly string[] {
  if (network.cloud === 'aws') return network.subnetCidrs;
  if (network.cloud === 'gcp') return [network.privateServiceRange];
  return [network.postgresSubnetCidr, network.privateEndpointSubnetCidr];
}

// A service as `npm create @slipway/service -- --name ledger --database postgres --cache` writes it.
const ledger = manifest('ledger', { postgres: {}, cache: {} });

describe(`a service declaring a database and a cache, rendered for prod on ${readPlatformFile(repoRoot).cloud}'s data network`, () => {
  const network = standInDataNetwork(repoRoot);
  let service: RenderedService;
  let objects: readonly RenderedObject[];

  beforeAll(async () => {
    if (!network) throw new Error('platform.json names no cloud with a cluster program');
    const config = configFor([ledger], { dataServices: {} }, 'prod');
    [service] = (await renderServices([ledger], config, platformFor(config), {
      dataNetwork: network,
    })) as [RenderedService];
    objects = service.objects;
  }, renderTimeoutMs);

  it("allows egress to each data service's ranges on its port, from the data network and from nothing typed into the manifest", () => {
    const rules = find(objects, 'NetworkPolicy', 'ledger-egress').spec.egress as {
      to: { ipBlock?: { cidr: string } }[];
      ports: { port: number }[];
    }[];
    expect(service.dataServices.map((d) => d.kind)).toEqual(['postgres', 'cache']);
    for (const { kind, egress } of service.dataServices) {
      expect(egress.cidrs.length, kind).toBeGreaterThan(0);
      for (const cidr of egress.cidrs)
        expect(networkRanges(network as DataNetwork)).toContain(cidr);
      expect(rules).toContainEqual({
        to: egress.cidrs.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [{ port: egress.port, protocol: 'TCP' }],
      });
    }
  });

  it('provisions a managed server of each kind in the cloud, with what serves it named', () => {
    for (const { kind, offering, resources } of service.dataServices) {
      expect(offering, kind).not.toBe('existing server');
      expect(resources.length, kind).toBeGreaterThan(0);
    }
  });

  it('mounts both URLs from the Secret, masked, and writes no generated password anywhere', () => {
    const secret = find(objects, 'Secret', 'ledger').stringData as Record<string, string>;
    expect(Object.keys(secret)).toEqual(expect.arrayContaining(['DATABASE_URL', 'CACHE_URL']));
    expect(Object.values(secret).every((v) => v === '[secret]')).toBe(true);
    const rendered = JSON.stringify(objects) + dataServicesYaml(service, 'prod');
    expect(rendered).not.toMatch(/generated-ledger/);
  });

  it('draws ledger to its database and its cache', () => {
    const graph = networkGraph(objects);
    for (const { kind, offering, egress } of service.dataServices) {
      expect(graph).toContain(`  ledger_${kind}[("ledger ${kind} (${offering})")]`);
      expect(graph).toContain(`  ledger -->|TCP ${egress.port}| ledger_${kind}`);
    }
  });
});
