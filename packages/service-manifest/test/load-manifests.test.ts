import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import { loadServiceManifests, ManifestError, resolveServiceConfig } from '../src/index.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function repoWith(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-manifests-'));
  for (const [folder, text] of Object.entries(manifests)) {
    mkdirSync(join(root, serviceDir(folder)), { recursive: true });
    writeFileSync(join(root, serviceManifestPath(folder)), text);
  }
  return root;
}

function problemsOf(root: string) {
  try {
    loadServiceManifests(root);
  } catch (error) {
    if (error instanceof ManifestError) return error.problems;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('loadServiceManifests', () => {
  it('loads the example services with defaults filled in', () => {
    const services = loadServiceManifests(repoRoot);
    const names = services.map((s) => s.name);
    expect(names).toContain('orders');
    expect(names).toContain('gateway');
    const orders = services.find((s) => s.name === 'orders');
    expect(orders?.calledBy).toContain('gateway');
    expect(orders?.secrets).toEqual([]);
    expect(orders?.postgres).toEqual({});
    expect(orders?.autoscaling.cpuUtilization).toBe(80);
  });

  it('fills every default for a minimal manifest', () => {
    const [service] = loadServiceManifests(repoWith({ billing: 'name: billing\nport: 3004\n' }));
    expect(service).toMatchObject({
      public: false,
      calls: [],
      calledBy: [],
      replicas: { min: 2, max: 5 },
      resources: {
        requests: { cpu: '100m', memory: '128Mi', ephemeralStorage: '64Mi' },
        limits: { memory: '256Mi' },
      },
      shutdown: { drainSeconds: 5, maxRequestSeconds: 30 },
      config: { default: {}, dev: {}, staging: {}, prod: {} },
    });
  });

  it.each([
    [
      'an unknown field',
      'name: billing\nport: 3004\nreplica: 3\n',
      '',
      "unknown field(s) 'replica'",
      'billing',
    ],
    ['an invalid name', 'name: Billing_Svc\nport: 3004\n', 'name', 'DNS-1123', 'Billing_Svc'],
    [
      'min replicas above max',
      'name: billing\nport: 3004\nreplicas: { min: 4, max: 3 }\n',
      'replicas.max',
      'greater than replicas.min',
      'billing',
    ],
    [
      'a single replica',
      'name: billing\nport: 3004\nreplicas: { min: 1, max: 3 }\n',
      'replicas.min',
      'at least 2',
      'billing',
    ],
    [
      'a secret in plain config',
      'name: billing\nport: 3004\nsecrets: [API_KEY]\nconfig: { prod: { API_KEY: x } }\n',
      'config.prod.API_KEY',
      'secret',
      'billing',
    ],
    [
      'a name that differs from the folder',
      'name: invoices\nport: 3004\n',
      'name',
      "folder name 'billing'",
      'invoices',
    ],
    ['broken YAML', 'name: billing\nport: [3004\n', '', 'invalid YAML', 'billing'],
  ])('refuses %s, naming the service and the field', (_, text, field, message, service) => {
    const [problem] = problemsOf(repoWith({ billing: text }));
    expect(problem?.service).toBe(service);
    expect(problem?.file).toBe('apps/billing/service.yaml');
    expect(problem?.field).toBe(field);
    expect(problem?.message).toContain(message);
  });

  it('refuses a call to a service that does not exist', () => {
    const problems = problemsOf(
      repoWith({ billing: 'name: billing\nport: 3004\ncalls: [ledger]\n' }),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        service: 'billing',
        field: 'calls.0',
        message: expect.stringContaining("'ledger', which does not exist"),
      }),
    ]);
  });

  it('names the manifest a missing service would have under the apps folder it was given', () => {
    const root = mkdtempSync(join(tmpdir(), 'slipway-manifests-'));
    mkdirSync(join(root, 'services/billing'), { recursive: true });
    writeFileSync(
      join(root, 'services/billing/service.yaml'),
      'name: billing\nport: 3004\ncalls: [ledger]\n',
    );

    expect(() => loadServiceManifests(root, { appsDir: 'services' })).toThrow(
      "calls 'ledger', which does not exist (no services/ledger/service.yaml)",
    );
  });

  it('refuses a call the callee does not accept, and says where to add it', () => {
    const problems = problemsOf(
      repoWith({
        billing: 'name: billing\nport: 3004\ncalls: [ledger]\n',
        ledger: 'name: ledger\nport: 3005\n',
      }),
    );
    expect(problems[0]?.message).toContain(
      "apps/ledger/service.yaml does not list 'billing' in calledBy",
    );
  });

  it('refuses two services on one port', () => {
    const problems = problemsOf(
      repoWith({ a: 'name: a\nport: 3004\n', b: 'name: b\nport: 3004\n' }),
    );
    expect(problems).toEqual([expect.objectContaining({ service: 'b', field: 'port' })]);
  });

  it('lists the problems of every manifest in one error', () => {
    const problems = problemsOf(
      repoWith({ a: 'name: a\nport: 80\n', b: 'name: b\nport: 3004\nfoo: 1\n' }),
    );
    expect(problems.map((p) => p.service)).toEqual(['a', 'b']);
  });
});

describe('resolveServiceConfig', () => {
  it('overlays the environment on the defaults', () => {
    const [service] = loadServiceManifests(
      repoWith({
        a: 'name: a\nport: 3004\nconfig: { default: { A: "1", B: "1" }, prod: { B: "2" } }\n',
      }),
    );
    if (!service) throw new Error('no service');
    expect(resolveServiceConfig(service, 'prod')).toEqual({ A: '1', B: '2' });
    expect(resolveServiceConfig(service, 'dev')).toEqual({ A: '1', B: '1' });
  });
});
