import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import nodePlop, { type NodePlopAPI } from 'node-plop';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, hashTree } from '@slipway/generators/testing';
import plopfile from '../plopfile.ts';
import { runState } from '../src/run-state.ts';

let root: string;
beforeEach(() => {
  root = createFixtureRepo();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The init generator, writing into `root`, as plop's own tests load a plopfile. */
async function loadPlop(root: string): Promise<NodePlopAPI> {
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  plopfile(plop);
  return plop;
}

/** Runs init in `root` through plop's actions, without linking the workspaces. */
async function runInit(root: string, answers: Record<string, unknown>) {
  const data = { ...answers };
  runState(data).options = { link: false };
  const { failures } = await (await loadPlop(root)).getGenerator('init').runActions(data);
  return { failures };
}

describe('the init generator', () => {
  it('renames the scope, records registry, cloud and repository, and removes the other clusters', async () => {
    const { failures } = await runInit(root, {
      scope: '@acme',
      registry: 'ghcr.io/acme',
      cloud: 'gcp',
      repository: 'acme/platform',
    });
    expect(failures).toEqual([]);
    expect(JSON.parse(readFileSync(join(root, 'platform.json'), 'utf8'))).toEqual({
      scope: '@acme',
      registry: 'ghcr.io/acme',
      cloud: 'gcp',
      repository: 'acme/platform',
      initialized: true,
    });
    expect(JSON.parse(readFileSync(join(root, 'packages/config/package.json'), 'utf8'))).toEqual({
      name: '@acme/config',
      repository: {
        type: 'git',
        url: 'git+https://github.com/acme/platform.git',
        directory: 'packages/config',
      },
    });
    expect(existsSync(join(root, 'infra/cluster-gke'))).toBe(true);
    expect(existsSync(join(root, 'infra/cluster-eks'))).toBe(false);
    expect(existsSync(join(root, 'infra/cluster-aks'))).toBe(false);
  });

  it('refuses a second run and changes no byte', async () => {
    const answers = {
      scope: '@acme',
      registry: 'ghcr.io/acme',
      cloud: 'aws',
      repository: 'acme/platform',
    };
    await runInit(root, answers);
    const before = hashTree(root);
    const { failures } = await runInit(root, {
      ...answers,
      scope: '@beta',
    });
    expect(failures[0]?.error).toContain('This repository was already initialized');
    expect(hashTree(root)).toBe(before);
  });
});

describe("the init generator and the template's upkeep", () => {
  it('removes upkeep/, the workflow that is one upkeep block, and every marked mention', async () => {
    const write = (path: string, content: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    };
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      workspaces: string[];
      scripts?: Record<string, string>;
    };
    write(
      'package.json',
      JSON.stringify({
        ...pkg,
        workspaces: [...pkg.workspaces, 'upkeep/init'],
        scripts: { test: 'turbo run test', init: 'npm run init --workspace upkeep/init --' },
      }),
    );
    write('upkeep/init/package.json', JSON.stringify({ name: '@slipway/upkeep-init' }));
    write('README.md', '# Platform\n<!-- upkeep -->\nnpm run init\n<!-- /upkeep -->\n');
    write('.ci/run', 'npm test\n# upkeep\nsource upkeep/cluster-tools/build.sh\n# /upkeep\n');
    write('.github/workflows/e2e-kind.yml', '# upkeep\nname: kind\n# /upkeep\n');
    const { failures } = await runInit(root, {
      scope: '@acme',
      registry: 'ghcr.io/acme',
      cloud: 'aws',
      repository: 'acme/platform',
    });
    expect(failures).toEqual([]);
    expect(existsSync(join(root, 'upkeep'))).toBe(false);
    expect(existsSync(join(root, '.github/workflows/e2e-kind.yml'))).toBe(false);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('# Platform\n');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toBe('npm test\n');
    const forked = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(forked.workspaces).toEqual(pkg.workspaces);
    expect(forked.scripts).toEqual({ test: 'turbo run test' });
  });
});
