import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// `clouds.ts` promises that a cloud added to the contract fails to compile wherever something
// must follow. This test adds one (to a copy of the contract) and compiles the tables keyed by
// the contract's cloud types against it: each must fail until its new entry is written, and
// what is derived from the list (the Pulumi programs) must take the new cloud by itself.
const root = scriptsRepoRoot(import.meta.dirname);

/** Every table keyed by the contract's cloud types. */
const tables = ['infra/platform/src/versions.ts', 'scripts/test/cloud-login-steps.ts'];

const newCloud = `  oci: {
    title: 'Oracle Cloud (OKE)',
    clusterProgram: 'infra/cluster-oke',
    ciLogin: 'oci-oidc',
    requiredVariables: ['OCI_TENANCY'],
  },
`;

/** The contract's clouds.ts with one cloud (and its login kind) more. */
function withNewCloud(clouds: string): string {
  const login = "'azure-oidc' | 'none'";
  const entry = '  none: {';
  if (!clouds.includes(login) || !clouds.includes(entry)) {
    throw new Error('clouds.ts changed shape: update where this test adds a cloud');
  }
  return clouds
    .replace(login, "'azure-oidc' | 'oci-oidc' | 'none'")
    .replace(entry, newCloud + entry);
}

const work: string[] = [];
afterAll(() => {
  for (const dir of work) rmSync(dir, { recursive: true, force: true });
});

/**
 * Type-checks the tables and a probe against a copy of the contract, changed or not, and
 * returns the errors by file (relative to the repository root).
 */
function compileTables(changeClouds: (text: string) => string): Map<string, string[]> {
  // Under node_modules, so the copy resolves zod and @types/node as the contract does.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'cloud-tables-'));
  work.push(dir);
  cpSync(join(root, 'packages/platform-contract/src'), join(dir, 'contract'), { recursive: true });
  const cloudsFile = join(dir, 'contract', 'clouds.ts');
  writeFileSync(cloudsFile, changeClouds(readFileSync(cloudsFile, 'utf8')));
  writeFileSync(
    join(dir, 'probe.ts'),
    "import { pulumiProject } from '@slipway/platform-contract';\n\nexport const oke = pulumiProject('cluster-oke');\n",
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: join(root, 'tsconfig.base.json'),
      compilerOptions: {
        noEmit: true,
        allowImportingTsExtensions: true,
        paths: { '@slipway/platform-contract': ['./contract/index.ts'] },
      },
      files: [...tables.map((table) => join(root, table)), './probe.ts'],
    }),
  );
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], {
    cwd: root,
    encoding: 'utf8',
  });
  const errors = new Map<string, string[]>();
  for (const line of run.stdout.split('\n')) {
    const match = /^(.+?)\(\d+,\d+\): error (.*)$/.exec(line);
    if (!match?.[1] || !match[2]) continue;
    const file = relative(root, resolve(root, match[1])).replaceAll('\\', '/');
    errors.set(file, [...(errors.get(file) ?? []), match[2]]);
  }
  if (run.status !== 0 && errors.size === 0)
    throw new Error(`tsc failed: ${run.stdout}${run.stderr}`);
  return errors;
}

const probe = (errors: Map<string, string[]>) =>
  [...errors.keys()].filter((file) => file.endsWith('/probe.ts'));

describe('tables keyed by the contract’s clouds', () => {
  it('compile as the contract stands, where a program of an unknown cloud does not', () => {
    const errors = compileTables((clouds) => clouds);
    expect(tables.filter((table) => errors.has(table))).toEqual([]);
    expect(probe(errors)).toHaveLength(1);
  });

  it('each fail to compile when a cloud is added to the contract, until filled', () => {
    const errors = compileTables(withNewCloud);
    for (const table of tables) {
      expect(errors.get(table) ?? [], table).toContainEqual(
        expect.stringMatching(/'oci' is missing/),
      );
    }
    expect(probe(errors), 'the new cloud’s cluster program is a PulumiProgram').toEqual([]);
  });

  it('are all listed here: no other file keys a table by a cloud type', () => {
    const tracked = spawnSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    const keyed = tracked.stdout
      .split('\n')
      .filter((file) => file !== '' && !file.startsWith('packages/platform-contract/'))
      // Tracked but deleted (a fork's other clouds, before init's change is committed).
      .filter((file) => existsSync(join(root, file)))
      .filter((file) =>
        /Record<(Cloud|ClusterCloud|LoginCloud)\b/.test(readFileSync(join(root, file), 'utf8')),
      );
    expect(keyed.sort()).toEqual([...tables].sort());
  });
});
