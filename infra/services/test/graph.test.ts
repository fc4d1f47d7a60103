import { describe, expect, it } from 'vitest';
import { fixtureGateway } from '../src/render/fixture-platform-outputs.ts';
import { networkGraph } from '../src/render/network-graph.ts';
import { exampleManifests, examplePair, manifest, renderObjects } from './fixtures.ts';

const gateway = fixtureGateway('slipway-dev', 'dev.example.com');

describe('networkGraph', () => {
  it('draws the example services: the internet through the Gateway to gateway, gateway to orders, orders to its database, DNS', async () => {
    const graph = networkGraph(await renderObjects(examplePair()), { gateway });
    expect(graph).toBe(
      [
        'flowchart LR',
        '  gateway[gateway<br/>:3000]',
        '  orders[orders<br/>:3001]',
        '  internet((Internet)) -->|https| Gateway',
        '  Gateway[Gateway public<br/>slipway-dev]',
        '  dns[cluster DNS<br/>kube-system]',
        '  cidr_10_0_20_0_24[(10.0.20.0/24)]',
        '  Gateway -->|3000| gateway',
        '  gateway -->|3001| orders',
        '  gateway -.->|53| dns',
        '  orders -->|TCP 5432| cidr_10_0_20_0_24',
        '  orders -.->|53| dns',
        '',
      ].join('\n'),
    );
  });

  it('draws no public entry for a gateway whose proxies no service admits', async () => {
    const elsewhere = fixtureGateway('slipway-prod', 'example.com');
    const graph = networkGraph(await renderObjects(examplePair()), { gateway: elsewhere });
    expect(graph).not.toContain('Gateway');
    expect(graph).not.toContain('Internet');
  });

  it('draws every service under apps/ with its port, the example arrows among them', async () => {
    const manifests = exampleManifests();
    const graph = networkGraph(await renderObjects(manifests), { gateway });
    for (const m of manifests) expect(graph).toContain(`  ${m.name}[${m.name}<br/>:${m.port}]\n`);
    expect(graph).toContain('  gateway -->|3001| orders\n');
    expect(graph).toContain('  Gateway -->|3000| gateway\n');
    expect(graph).not.toContain('Gateway -->|3001| orders');
  });

  it('draws no arrow for a service nobody calls and that calls nobody', async () => {
    const graph = networkGraph(await renderObjects([manifest('loner')]), { gateway });
    expect(graph).not.toMatch(/--> ?\|\d+\| ?loner/);
    expect(graph).not.toContain('Gateway');
  });
});
