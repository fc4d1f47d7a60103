import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import { loadServiceManifests, ManifestError } from '../src/index.ts';

/** A repository holding the given manifests, by folder. */
function repoWith(manifests: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'slipway-manifest-errors-'));
  for (const [folder, text] of Object.entries(manifests)) {
    mkdirSync(join(root, serviceDir(folder)), { recursive: true });
    writeFileSync(join(root, serviceManifestPath(folder)), text);
  }
  return root;
}

function errorOf(manifests: Record<string, string>): ManifestError {
  try {
    loadServiceManifests(repoWith(manifests));
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('expected a ManifestError');
}

describe('manifest errors read like a compiler’s', () => {
  it('shows bad YAML with its file, line and column, and the offending line with a caret', () => {
    const error = errorOf({ billing: 'name: billing\nport: 3004\ncalls: [orders\n' });
    expect(error.problems[0]?.location).toMatchObject({ line: 3, column: 14 });
    expect(error.message).toContain(
      "apps/billing/service.yaml: service 'billing': invalid YAML: Flow sequence in block collection",
    );
    expect(error.message).toContain(
      [
        '--> apps/billing/service.yaml:3:14',
        '  |',
        '3 | calls: [orders',
        '  |              ^',
      ].join('\n    '),
    );

    const tabbed = errorOf({ billing: 'name: billing\nport: 3004\n\tpublic: true\n' });
    expect(tabbed.problems[0]?.location).toMatchObject({ line: 3, column: 1 });
    expect(tabbed.message).toContain(
      ['--> apps/billing/service.yaml:3:1', '  |', '3 |  public: true', '  | ^'].join('\n    '),
    );
  });

  it('suggests the nearest valid field for an unknown one, pointing at it', () => {
    const error = errorOf({
      billing: 'name: billing\nport: 3004\nreplica: 3\nreplicas:\n  min: 2\n  mx: 4\n',
    });
    expect(error.problems.map((p) => [p.field, p.message])).toEqual([
      ['replicas.max', 'is required: expected number'],
      ['replicas', "unknown field(s) 'mx': did you mean 'max'?"],
      ['', "unknown field(s) 'replica': did you mean 'replicas'?"],
    ]);
    expect(error.message).toContain(
      ['--> apps/billing/service.yaml:3:1', '  |', '3 | replica: 3', '  | ^^^^^^^'].join('\n    '),
    );
  });

  it('lists the valid fields when no field is near the unknown one', () => {
    const [problem] = errorOf({ billing: 'name: billing\nport: 3004\nimage: nginx\n' }).problems;
    expect(problem?.message).toBe(
      "unknown field(s) 'image': remove it; valid fields here: name, description, owner, port, public, calls, calledBy, egress, replicas, autoscaling, resources, shutdown, config, secrets, postgres, cache, objectives, traffic",
    );
  });

  it('points at a misspelt data service setting with its location', () => {
    const text = 'name: billing\nport: 3004\npostgres:\n  prod:\n    sise: large\n';
    const [problem] = errorOf({ billing: text }).problems;
    expect(problem).toMatchObject({
      field: 'postgres.prod',
      message: expect.stringContaining("did you mean 'size'"),
      location: { line: 5 },
    });
  });

  it.each([
    ['port: abc', 'port', "expected number, got string 'abc'", 2, 7],
    ['calls: orders', 'calls', "expected a list, got string 'orders'", 2, 8],
    ['public: "yes"', 'public', "expected boolean, got string 'yes'", 2, 9],
    ['replicas: 3', 'replicas', 'expected a map of fields, got number 3', 2, 11],
  ])('names the path, expected type and value got for %s', (line, field, message, row, column) => {
    const text = `name: billing\n${line}\n${line.startsWith('port') ? '' : 'port: 3004\n'}`;
    const [problem] = errorOf({ billing: text }).problems;
    expect(problem).toMatchObject({ field, message, location: { line: row, column } });
  });

  it('names the allowed values and the value got for a wrong one, deep in a list', () => {
    const text =
      'name: billing\nport: 3004\negress:\n  - name: db\n    cidr: 10.0.0.0/16\n    ports: [5432]\n    protocol: tcp\n';
    const [problem] = errorOf({ billing: text }).problems;
    expect(problem).toMatchObject({
      field: 'egress.0.protocol',
      message: "expected one of 'TCP', 'UDP', got string 'tcp'",
      location: { line: 7, column: 15, length: 3 },
    });
  });

  it('says a missing field is required and what it expects', () => {
    const [problem] = errorOf({ billing: 'name: billing\n' }).problems;
    expect(problem).toMatchObject({ field: 'port', message: 'is required: expected number' });

    const text = 'name: billing\nport: 3004\nreplicas:\n  min: 2\n';
    const [nested] = errorOf({ billing: text }).problems;
    expect(nested).toMatchObject({ field: 'replicas.max', location: { line: 4, column: 3 } });
  });

  it('shows the value got beside a rule’s own message', () => {
    const [problem] = errorOf({ billing: 'name: billing\nport: 80\n' }).problems;
    expect(problem?.message).toMatch(/>=1024, got number 80$/);
  });

  it('points at the entry of a call to a service that does not exist', () => {
    const text = 'name: billing\nport: 3004\ncalls: [orders, ledger]\n';
    const problem = errorOf({ billing: text }).problems.find((p) => p.field === 'calls.1');
    expect(problem?.message).toContain("calls 'ledger', which does not exist");
    expect(problem?.location).toMatchObject({ line: 3, column: 17, length: 6 });
  });

  it('reports a broken callee once, with no follow-on "does not exist" from its callers', () => {
    const error = errorOf({
      orders: 'name: orders\nport: [3001\ncalledBy: [gateway]\n',
      gateway: 'name: gateway\nport: 3000\ncalls: [orders]\n',
      web: 'name: web\nport: 3005\nprot: 1\n',
      billing: 'name: billing\nport: 3004\ncalledBy: [web]\n',
    });
    expect(error.problems.map((p) => p.service)).toEqual(['orders', 'web']);
    expect(error.message).not.toContain('does not exist');
    expect(error.message).toContain("unknown field(s) 'prot': did you mean 'port'?");
  });
});
