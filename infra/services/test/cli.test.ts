import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { validateCustomResource } from '@slipway/infra-policy';
import { exampleManifests, exampleNames } from './fixtures.ts';

const run = promisify(execFile);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
// Each test spawns node on the TypeScript, which takes seconds on a busy machine: generous limits, no timing asserted.
const spawnTimeout = 120_000;

function cli(script: 'render' | 'graph', args: string[], env: Record<string, string> = {}) {
  return run(process.execPath, ['--conditions=@slipway/source', `src/cli/${script}.ts`, ...args], {
    cwd: projectDir,
    env: { ...process.env, ...env },
    timeout: spawnTimeout,
  });
}

describe('npm run render', { timeout: spawnTimeout }, () => {
  it('writes the whole environment: the platform, its Helm releases and a file per service', async () => {
    const out = mkdtempSync(join(tmpdir(), 'slipway-render-'));
    const { stdout, stderr } = await cli('render', ['--stack', 'dev', '--out', out]);
    // One file per service under apps/ (the examples and any service added since), and one for
    // the data services of each that declares any.
    const manifests = exampleManifests();
    const files = [
      '_environment.yaml',
      ...manifests.map((m) => `${m.name}.yaml`),
      ...manifests.filter((m) => m.postgres || m.cache).map((m) => `${m.name}.data.yaml`),
    ];
    expect(files).toEqual(expect.arrayContaining(exampleNames.map((name) => `${name}.yaml`)));
    expect(readdirSync(out).sort()).toEqual(['platform', 'services']);
    expect(readdirSync(join(out, 'services')).sort()).toEqual(files.sort());
    expect(readdirSync(join(out, 'platform')).sort()).toEqual([
      'helm-releases.yaml',
      'objects.yaml',
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(files.length + 2);
    expect(stdout).toContain('orders.yaml: 11 objects');
    expect(stdout).toContain('_environment.yaml: 1 object');
    expect(stdout).toContain('orders.data.yaml: 1 data service');
    expect(stderr).toContain('warning: images.orders is not set');

    const platform = parseAllDocuments(
      readFileSync(join(out, 'platform', 'objects.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    const kinds = platform.map((d) => d.kind);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Namespace',
        'NetworkPolicy',
        'Gateway',
        'HTTPRoute',
        'ClusterIssuer',
      ]),
    );
    expect(kinds).not.toContain('Ingress');
    const environment = platform.find(
      (d) => d.kind === 'Namespace' && d.metadata.name === 'slipway-dev',
    );
    expect(environment.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const releases = parseAllDocuments(
      readFileSync(join(out, 'platform', 'helm-releases.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    expect(releases.map((r) => r.chart)).toEqual(
      expect.arrayContaining(['gateway-helm', 'cert-manager', 'velero']),
    );
    expect(releases.every((r) => typeof r.version === 'string' && r.version !== '')).toBe(true);
    const everything = readdirSync(join(out, 'services'))
      .map((f) => readFileSync(join(out, 'services', f), 'utf8'))
      .concat(readFileSync(join(out, 'platform', 'objects.yaml'), 'utf8'));
    expect(everything.join('\n')).not.toMatch(/ingress-nginx|kind: Ingress\n/);

    const documents = parseAllDocuments(
      readFileSync(join(out, 'services', 'orders.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    expect(documents.map((d) => d.kind)).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'ConfigMap',
      'Secret',
      'Service',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'NetworkPolicy',
      'PrometheusRule',
    ]);
    expect(documents[2].metadata.name).toBe('orders-dashboard');
    // orders' database: its URL (and the CA, when the cloud's is private) mounted from the Secret.
    expect(documents[3].stringData).toMatchObject({ DATABASE_URL: '[secret]' });
    expect(Object.values(documents[3].stringData)).toEqual(
      Object.keys(documents[3].stringData).map(() => '[secret]'),
    );
    expect(documents[1].data).toHaveProperty('DATABASE_URL_FILE');
    const [database] = parseAllDocuments(
      readFileSync(join(out, 'services', 'orders.data.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    expect(database).toMatchObject({ kind: 'postgres', egress: { port: expect.any(Number) } });
    expect(database.resources.length).toBeGreaterThan(0);
    const egress = documents.find((d) => d.metadata.name === 'orders-egress').spec.egress as {
      to?: { ipBlock?: { cidr: string } }[];
    }[];
    expect(egress).toContainEqual(
      expect.objectContaining({
        to: database.egress.cidrs.map((cidr: string) => ({ ipBlock: { cidr } })),
      }),
    );
    const gateway = parseAllDocuments(
      readFileSync(join(out, 'services', 'gateway.yaml'), 'utf8'),
    ).map((d) => d.toJS());
    const route = gateway.find((d) => d.kind === 'HTTPRoute');
    // Attached to the Gateway the platform renders, under the domain it answers.
    const platformGateway = platform.find((d) => d.kind === 'Gateway');
    expect(route.spec.parentRefs[0]).toMatchObject({
      name: platformGateway.metadata.name,
      namespace: platformGateway.metadata.namespace,
    });
    const listener = platformGateway.spec.listeners.find(
      (l: { name: string }) => l.name === 'https',
    );
    expect(route.spec.hostnames[0].endsWith(listener.hostname.slice(1))).toBe(true);
  });

  it('writes a dashboard and alert rules for every service on prod, and the certificate alerts once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'slipway-render-'));
    await cli('render', ['--stack', 'prod', '--out', out, '--services']);
    const read = (file: string) =>
      parseAllDocuments(readFileSync(join(out, 'services', file), 'utf8')).map((d) => d.toJS());
    for (const { name } of exampleManifests()) {
      const documents = read(`${name}.yaml`);
      const rule = documents.find((d) => d.kind === 'PrometheusRule');
      expect(rule.metadata).toMatchObject({ name: `${name}-alerts`, namespace: 'slipway-prod' });
      expect(rule.spec.groups.map((g: { name: string }) => g.name)).toContain(`${name}-slo-alerts`);
      expect(validateCustomResource(rule)).toEqual([]);
      const dashboard = documents.find((d) => d.metadata.name === `${name}-dashboard`);
      expect(JSON.parse(dashboard.data[`${name}-prod.json`]).title).toBe(`${name} (prod)`);
    }
    const [certificates] = read('_environment.yaml');
    expect(certificates).toMatchObject({
      kind: 'PrometheusRule',
      metadata: { name: 'certificate-alerts', namespace: 'slipway-prod' },
    });
    expect(validateCustomResource(certificates)).toEqual([]);
  });

  it.each([
    ['--platform', ['platform']],
    ['--services', ['services']],
  ])('narrows to one part with %s', async (flag, folders) => {
    const out = mkdtempSync(join(tmpdir(), 'slipway-render-'));
    await cli('render', ['--stack', 'dev', '--out', out, flag]);
    expect(readdirSync(out)).toEqual(folders);
  });

  it('fails like pulumi up with --strict, naming service and field', async () => {
    const error = await cli('render', ['--stack', 'dev', '--out', tmpdir(), '--strict']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(error).toMatchObject({ code: 1 });
    expect((error as { stderr: string }).stderr).toContain(
      "service 'orders', field 'images.orders'",
    );
  });

  it('explains itself with --help', async () => {
    const { stdout } = await cli('render', ['--help']);
    expect(stdout).toContain('Usage: npm run render -- [--stack dev] --out <dir>');
    expect(stdout).toContain('<dir>/services/<service>.data.yaml');
  });
});

describe('npm run graph', { timeout: spawnTimeout }, () => {
  it('prints who may talk to whom as a Mermaid flowchart', async () => {
    const { stdout } = await cli('graph', ['--stack', 'dev']);
    expect(stdout.startsWith('flowchart LR\n')).toBe(true);
    expect(stdout).toContain('  gateway -->|3001| orders');
    expect(stdout).not.toContain('orders -->|3000| gateway');
    expect(stdout).toContain('  internet((Internet)) -->|https| Gateway');
    expect(stdout).toContain('  Gateway -->|3000| gateway');
    expect(stdout).not.toContain('Gateway -->|3001| orders');
    expect(stdout).toMatch(/ {2}orders_postgres\[\("orders postgres \(.+\)"\)\]\n/);
    expect(stdout).toContain('  orders -->|TCP 5432| orders_postgres');
    expect(stdout).toContain('  orders -.->|4318| Collector');
  });

  it('explains itself with --help', async () => {
    const { stdout } = await cli('graph', ['--help']);
    expect(stdout).toContain('each\nservice to its own data services');
  });

  it('writes --out relative to the folder npm was run in, creating its folders', async () => {
    // npm runs the script inside infra/services and tells where it was started in INIT_CWD.
    const startedIn = mkdtempSync(join(tmpdir(), 'slipway-graph-'));
    const { stdout } = await cli('graph', ['--out', 'docs/network.mmd'], { INIT_CWD: startedIn });

    expect(stdout).toBe('');
    expect(readFileSync(join(startedIn, 'docs/network.mmd'), 'utf8')).toContain(
      '  gateway -->|3001| orders',
    );
  });
});
