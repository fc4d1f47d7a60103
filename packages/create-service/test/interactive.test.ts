import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceManifestPath } from '@slipway/platform-contract';
import { canDriveTerminal, driveTerminal, keys } from './helpers/drive-terminal.ts';
import {
  cliPath,
  createSandbox,
  removeSandbox,
  runCli,
  unusedServiceName,
} from './helpers/repo-sandbox.ts';

const sandboxes: string[] = [];
afterAll(() => {
  for (const root of sandboxes) removeSandbox(root);
});

/** Every file under `root` (`node_modules` aside) with its content. */
function readTree(root: string, dir = ''): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) Object.assign(tree, readTree(root, path));
    else tree[path] = readFileSync(join(root, path), 'utf8');
  }
  return tree;
}

describe.skipIf(!canDriveTerminal)(
  'npm create @slipway/service in a terminal, with no flags',
  () => {
    it('asks each question with its default and writes the same files as the flags would', async () => {
      const name = unusedServiceName('billing');
      const withFlags = createSandbox();
      const interactive = createSandbox();
      sandboxes.push(withFlags, interactive);

      const flagRun = await runCli(
        ['--name', name, '--port', '3004', '--calls', 'orders', '--public', '--cache', '--yes'],
        withFlags,
      );
      expect(flagRun.code).toBe(0);

      // Choices are the services in name order: gateway, then orders.
      const run = await driveTerminal(
        `node ${cliPath}`,
        join(interactive, 'apps/gateway'),
        [
          { waitFor: 'Service name', keys: `${name}${keys.enter}` },
          { waitFor: 'One-line description', keys: keys.enter },
          { waitFor: 'Port (unique in the repository)', keys: `3004${keys.enter}` },
          { waitFor: 'Public (reachable', keys: `y${keys.enter}` },
          { waitFor: 'Services it calls', keys: `${keys.down}${keys.space}${keys.enter}` },
          { waitFor: 'Services that call it', keys: keys.enter },
          { waitFor: 'Database (postgres', keys: keys.enter },
          { waitFor: 'A cache (Valkey/Redis', keys: `y${keys.enter}` },
          { waitFor: 'Owning team', keys: keys.enter },
        ],
        { SLIPWAY_SKIP_LINK: '1' },
      );
      expect(run.code, run.screen).toBe(0);
      expect(run.screen).toContain(`One-line description: (The ${name} service.)`);
      expect(run.screen).toContain('Port (unique in the repository): (3002)');
      expect(run.screen).toContain('(y/N)');
      expect(run.screen).toContain('Next steps:');
      expect(readTree(interactive)).toEqual(readTree(withFlags));
    }, 120_000);

    it('with --yes never asks: it takes every default', async () => {
      const root = createSandbox();
      sandboxes.push(root);
      const ledger = unusedServiceName('ledger');
      const run = await driveTerminal(`node ${cliPath} --name ${ledger} --yes`, root, [], {
        SLIPWAY_SKIP_LINK: '1',
      });
      expect(run.code, run.screen).toBe(0);
      expect(run.screen).not.toContain('Service name');
      const manifest = readFileSync(join(root, serviceManifestPath(ledger)), 'utf8');
      expect(manifest).toContain('port: 3002\npublic: false\ncalls: []\ncalledBy: []\n');
    }, 60_000);
  },
);
