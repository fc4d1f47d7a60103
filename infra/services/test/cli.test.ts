import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { exampleManifests, exampleNames } from './fixtures.js';

const run = promisify(execFile);
const projectDir = fileURLToPath(new URL('..', import.meta.url));
// Each test spawns node with tsx, which takes seconds on a busy machine: generous limits, no timing asserted.
const spawnTimeout = 120_000;

function cli(script: 'render' | 'graph', args: string[], env: Record<string, string> = {}) {
  return run(
    process.execPath,
    ['--conditions=@slipway/source', '--import', 'tsx', `src/cli/${script}.ts`, ...args],
    {
      cwd: projectDir,
      env: { ...process.env, ...env },
      timeout: spawnTimeout,
    },
  );
}

describe('npm run render', { timeout: spawnTimeout }, () => {
  it('writes one multi-document YAML file per service for a stack, warning about placeholders', async () => {
    const out = mkdtempSync(join(tmpdir(), 'slipway-render-'));
    const { stdout, stderr } = await cli('render', ['--stack', 'dev', '--out', out]);
    // One file per service under apps/: the examples and any service added since.
    const files = exampleManifests().map((m) => `${m.name}.yaml`);
    expect(files).toEqual(expect.arrayContaining(exampleNames.map((name) => `${name}.yaml`)));
    expect(readdirSync(out).sort()).toEqual(files.sort());
    expect(stdout.trim().split('\n')).toHaveLength(files.length);
    expect(stdout).toContain('orders.yaml: 9 objects');
    expect(stderr).toContain('warning: secrets.orders.DATABASE_URL is not set');
    const documents = parseAllDocuments(readFileSync(join(out, 'orders.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    expect(documents.map((d) => d.kind)).toEqual([
      'ServiceAccount',
      'ConfigMap',
      'Secret',
      'Service',
      'Deployment',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'NetworkPolicy',
    ]);
    expect(documents[2].stringData).toEqual({ DATABASE_URL: '[secret]' });
    const gateway = parseAllDocuments(readFileSync(join(out, 'gateway.yaml'), 'utf8')).map((d) =>
      d.toJS(),
    );
    expect(gateway.map((d) => d.kind)).toContain('HTTPRoute');
    expect(gateway.map((d) => d.kind)).not.toContain('Ingress');
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
