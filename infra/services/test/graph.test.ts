import { describe, expect, it } from 'vitest';
import { networkGraph } from '../src/render/network-graph.js';
import { exampleManifests, examplePair, manifest, renderObjects } from './fixtures.js';

describe('networkGraph', () => {
  it('draws the example services: the internet to gateway, gateway to orders, orders to its database, DNS', async () => {
    const graph = networkGraph(await renderObjects(examplePair()));
    expect(graph).toBe(
      [
        'flowchart LR',
        '  gateway[gateway<br/>:3000]',
        '  orders[orders<br/>:3001]',
        '  internet((Internet)) -->|https| ingress',
        '  ingress[ingress controller<br/>ingress-nginx]',
        '  dns[cluster DNS<br/>kube-system]',
        '  cidr_10_0_0_0_8[(10.0.0.0/8)]',
        '  ingress -->|3000| gateway',
        '  gateway -->|3001| orders',
        '  gateway -.->|53| dns',
        '  orders -->|TCP 5432| cidr_10_0_0_0_8',
        '  orders -.->|53| dns',
        '',
      ].join('\n'),
    );
  });

  it('draws every service under apps/ with its port, the example arrows among them', async () => {
    const manifests = exampleManifests();
    const graph = networkGraph(await renderObjects(manifests));
    for (const m of manifests) expect(graph).toContain(`  ${m.name}[${m.name}<br/>:${m.port}]\n`);
    expect(graph).toContain('  gateway -->|3001| orders\n');
    expect(graph).toContain('  ingress -->|3000| gateway\n');
    expect(graph).not.toContain('ingress -->|3001| orders');
  });

  it('draws no arrow for a service nobody calls and that calls nobody', async () => {
    const graph = networkGraph(await renderObjects([manifest('loner')]));
    expect(graph).not.toMatch(/--> ?\|\d+\| ?loner/);
    expect(graph).not.toContain('ingress');
  });
});
