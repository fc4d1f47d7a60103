import { describe, expect, it } from 'vitest';
import {
  fixtureGateway,
  fixtureMonitoring,
  fixturePlatformOutputs,
} from '../src/render/fixture-platform-outputs.ts';
import { networkGraph } from '../src/render/network-graph.ts';
import { configFor, exampleManifests, examplePair, manifest, renderObjects } from './fixtures.ts';

const gateway = fixtureGateway('slipway-dev', 'dev.example.com');
const monitoring = fixtureMonitoring();

describe('networkGraph', () => {
  it('draws the example services: the internet through the Gateway to gateway, gateway to orders, orders to its own database, DNS, the collector', async () => {
    const graph = networkGraph(await renderObjects(examplePair()), { gateway, monitoring });
    expect(graph).toBe(
      [
        'flowchart LR',
        '  gateway[gateway<br/>:3000]',
        '  orders[orders<br/>:3001]',
        '  internet((Internet)) -->|https| Gateway',
        '  Gateway[Gateway public<br/>slipway-dev]',
        '  dns[cluster DNS<br/>kube-system]',
        '  Collector[OpenTelemetry collector<br/>monitoring]',
        '  orders_postgres[("orders postgres (existing server)")]',
        '  Gateway -->|3000| gateway',
        '  gateway -->|3001| orders',
        '  gateway -.->|53| dns',
        '  gateway -.->|4318| Collector',
        '  orders -->|TCP 5432| orders_postgres',
        '  orders -.->|53| dns',
        '  orders -.->|4318| Collector',
        '',
      ].join('\n'),
    );
  });

  it("draws no collector when the platform's monitoring is off, since no policy opens it", async () => {
    const pair = examplePair();
    const config = configFor(pair);
    const off = fixturePlatformOutputs(
      { [config.namespace]: 'dev.example.com' },
      { monitoring: false },
    );
    const graph = networkGraph(await renderObjects(pair, config, off), { gateway, monitoring });
    expect(graph).not.toContain('Collector');
    expect(graph).toContain('  orders -.->|53| dns\n');
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

  it('draws each data service the egress policy allows, with what serves it, and a hand-declared CIDR as a CIDR', async () => {
    const ledger = manifest('ledger', {
      postgres: {},
      cache: {},
      egress: [{ name: 'payments', cidr: '203.0.113.0/24', ports: [443] }],
    });
    const config = configFor([ledger], {
      dataServices: {
        ledger: {
          postgres: { url: 'postgres://db', cidr: '10.0.20.0/24' },
          cache: { url: 'rediss://cache', cidr: '10.0.21.0/24', port: 6380 },
        },
      },
    });
    const graph = networkGraph(await renderObjects([ledger], config), { gateway });
    expect(graph).toContain('  ledger_postgres[("ledger postgres (existing server)")]\n');
    expect(graph).toContain('  ledger -->|TCP 5432| ledger_postgres\n');
    expect(graph).toContain('  ledger_cache[("ledger cache (existing server)")]\n');
    expect(graph).toContain('  ledger -->|TCP 6380| ledger_cache\n');
    expect(graph).toContain('  ledger -->|TCP 443| cidr_203_0_113_0_24\n');
    expect(graph).not.toContain('cidr_10_0_2');
  });

  it('draws no arrow for a service nobody calls and that calls nobody', async () => {
    const graph = networkGraph(await renderObjects([manifest('loner')]), { gateway });
    expect(graph).not.toMatch(/--> ?\|\d+\| ?loner/);
    expect(graph).not.toContain('Gateway');
  });
});
