import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSandbox,
  hashTree,
  removeSandbox,
  runCli,
  unusedServiceName,
} from './helpers/repo-sandbox.ts';

// Each refusal runs the real CLI against a copy of this repository and checks the message,
// the exit code, and that not one byte of the tree changed.
let root: string;
let before: string;
beforeAll(() => {
  root = createSandbox();
  before = hashTree(root);
});
afterAll(() => removeSandbox(root));

const ok = ['--port', '3999', '--yes'];

describe('npm create @slipway/service refuses, exits 1 and leaves the tree unchanged', () => {
  it.each([
    [
      'a name that is not a DNS-1123 label',
      ['--name', 'Billing_Service', ...ok],
      "The service name 'Billing_Service' is not a valid Kubernetes DNS-1123 label: use lowercase letters, digits and '-', start with a letter, end with a letter or digit, at most 63 characters (for example 'billing-service').",
    ],
    [
      'a name longer than 63 characters',
      ['--name', `b${'x'.repeat(63)}`, ...ok],
      'at most 63 characters',
    ],
    [
      'the name of an existing service',
      ['--name', 'orders', ...ok],
      "The name 'orders' is taken: apps/orders already exists. Choose another name, or remove that service first (npm run gen -- remove-service orders).",
    ],
    [
      'the name of a shared package',
      ['--name', 'service-kit', ...ok],
      "The name 'service-kit' clashes with the workspace package @slipway/service-kit (packages/service-kit): choose another name, such as 'service-kit-service'.",
    ],
    [
      'the name of an installed package',
      ['--name', 'hono', ...ok],
      "The name 'hono' clashes with the installed package 'hono' (node_modules/hono): a workspace of that name would replace it. Choose another name, such as 'hono-service'.",
    ],
    ['node_modules', ['--name', 'node_modules', ...ok], "(for example 'node-modules')"],
    ['a reserved name', ['--name', 'kubernetes', ...ok], "The name 'kubernetes' is reserved"],
    [
      'a port another service uses',
      ['--name', 'billing', '--port', '3001', '--yes'],
      "Port 3001 is already used by service 'orders' (apps/orders/service.yaml): pick a free port, such as",
    ],
    [
      'a port out of range',
      ['--name', 'billing', '--port', '80', '--yes'],
      "The port '80' is not valid: use a whole number from 1024 to 65535",
    ],
    [
      'a port that is not a number, quoting it as typed',
      ['--name', 'billing', '--port', 'abc', '--yes'],
      "The port 'abc' is not valid: use a whole number from 1024 to 65535",
    ],
    [
      'a call to a service that does not exist',
      ['--name', 'billing', '--calls', 'orders,payments', ...ok],
      "The new service calls 'payments', but there is no such service (no apps/payments/service.yaml). Existing services:",
    ],
    [
      'a caller that does not exist',
      ['--name', 'billing', '--called-by', 'web', ...ok],
      "The new service is called by 'web', but there is no such service (no apps/web/service.yaml).",
    ],
    [
      'an owner that is not a GitHub handle',
      ['--name', 'billing', '--owner', 'payments-team', ...ok],
      "The owner 'payments-team' is not a GitHub handle: use a team such as '@acme/payments' or a user such as '@alice'.",
    ],
    [
      'no name when nothing is asked',
      ['--yes'],
      'A service name is required when nothing is asked (--yes, --json or no terminal): pass --name, e.g. --name billing.',
    ],
    ['an unknown flag', ['--name', 'billing', '--colour', 'blue'], "unknown option '--colour'"],
    ['an unknown flag, pointing to --help', ['--bogus'], 'see --help'],
  ])('%s', async (_case, args, message) => {
    const run = await runCli(args, join(root, 'apps/orders'));
    expect(run.stderr).toContain(message);
    expect(run.code).toBe(1);
    expect(hashTree(root)).toBe(before);
  });

  it('lists every problem of one run at once and says nothing was written', async () => {
    const run = await runCli(
      ['--name', 'gateway', '--port', '3000', '--calls', 'nope', '--owner', 'x', '--yes'],
      root,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Cannot create service 'gateway':\n {2}- The name 'gateway' is taken[^\n]*\n {2}- Port 3000 is already used by service 'gateway'[^\n]*\n {2}- The new service calls 'nope'[^\n]*\n {2}- The owner 'x'[^\n]*\nNothing was written\./,
    );
    expect(hashTree(root)).toBe(before);
  });

  it('outside a repository', async () => {
    const outside = join(root, '..');
    const run = await runCli(['--name', 'billing', '--yes'], outside);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No Slipway repository around');
  });

  it.each([
    [
      'an unknown cloud',
      '{ "scope": "@slipway", "registry": "ghcr.io/acme", "cloud": "mars" }',
      'platform.json is invalid: cloud:',
    ],
    ['broken JSON', '{ "scope": ', 'platform.json is not valid JSON'],
  ])('when platform.json has %s, naming it, without a stack trace', async (_, text, message) => {
    const broken = createSandbox();
    try {
      writeFileSync(join(broken, 'platform.json'), text);
      const unchanged = hashTree(broken);
      const run = await runCli(['--name', 'billing', ...ok], broken);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`✖ ${message}`);
      expect(run.stderr).toContain('Nothing was written.');
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(hashTree(broken)).toBe(unchanged);
    } finally {
      removeSandbox(broken);
    }
  });

  it('when a manifest of the repository is invalid, naming it', async () => {
    const broken = createSandbox();
    try {
      mkdirSync(join(broken, 'apps/web'));
      writeFileSync(join(broken, 'apps/web/service.yaml'), 'name: web\nport: 80\n');
      const unchanged = hashTree(broken);
      const run = await runCli(['--name', 'billing', ...ok], broken);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('The existing service manifests are invalid, fix them first');
      expect(run.stderr).toContain("apps/web/service.yaml: service 'web', field 'port'");
      expect(hashTree(broken)).toBe(unchanged);
    } finally {
      removeSandbox(broken);
    }
  });
});

describe('--dry-run', () => {
  const fresh = unusedServiceName('billing');

  it('prints every file it would write and change, and writes nothing', async () => {
    const run = await runCli(
      ['--name', fresh, '--calls', 'orders', '--owner', '@acme/pay', '--yes', '--dry-run'],
      root,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was written.');
    // The sandbox has no CODEOWNERS yet: the owner's line creates it.
    expect(run.stdout).toContain(
      `Would create:\n  .github/CODEOWNERS\n  apps/${fresh}/.slipway/template.json\n  apps/${fresh}/README.md\n`,
    );
    expect(run.stdout).toContain(`  apps/${fresh}/src/clients/orders-client.ts\n`);
    expect(run.stdout).toContain(
      'Would update:\n  apps/orders/.slipway/template.json\n  apps/orders/service.yaml\n',
    );
    expect(hashTree(root)).toBe(before);
  });

  it('with --json, prints the same as JSON on stdout and writes nothing', async () => {
    const run = await runCli(['--name', fresh, '--port', '3004', '--json', '--dry-run'], root);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { created: string[]; dryRun: boolean };
    expect(result).toMatchObject({
      generator: 'service',
      dryRun: true,
      linked: false,
      updated: [],
    });
    expect(result.created).toContain(`apps/${fresh}/service.yaml`);
    expect(hashTree(root)).toBe(before);
  });
});
