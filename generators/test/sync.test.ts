import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repositoryFiles, serviceDir } from '@slipway/platform-contract';
import { templateTreeId } from '../src/sync/template-tree.ts';
import { hashTree, readTree } from './helpers/fixture-repo.ts';
import {
  addTemplate,
  commitAll,
  createSyncRepo,
  editFile,
  editTemplate,
  generateService,
  git,
  runSync,
} from './helpers/sync-repo.ts';

// Real git repositories in temporary folders: a service is generated and committed, the
// templates change and are committed, and `npm run sync` merges.
const billing = { name: 'billing', port: '3004', calls: ['orders'], description: 'Bills.' };
const readme = 'apps/billing/README.md';
const buildLine = '# bundles: dist/index.js and dist/tracing.js';

let root: string;
let others: string[] = [];
beforeEach(() => {
  root = createSyncRepo();
  generateService(root, billing);
  commitAll(root, 'billing');
});
afterEach(() => {
  for (const dir of [root, ...others]) rmSync(dir, { recursive: true, force: true });
  others = [];
});

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const recordedVersion = () =>
  (JSON.parse(read('apps/billing/.slipway/template.json')) as { version: string }).version;

/** A template change of the build line and a new runbook file, committed. */
function changeTemplates(buildComment = '# one bundled file with its source map: dist/index.js') {
  editTemplate(root, 'service/README.md.hbs', (text) => text.replace(buildLine, buildComment));
  addTemplate(root, 'service/sync-fixture/added.md.hbs', '# {{name}} runbook\n\nWho to page.\n');
  commitAll(root, 'template change');
}

describe('the template record', () => {
  it('names the git tree of the templates the service was generated from', () => {
    expect(recordedVersion()).toBe(git(root, 'rev-parse', 'HEAD:generators/templates').trim());
    expect(templateTreeId(join(root, 'generators/templates'))).toBe(recordedVersion());
  });
});

describe('npm run sync', () => {
  it('brings an untouched service to exactly what a fresh scaffold at the new version writes', async () => {
    changeTemplates();
    const run = await runSync(root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('apps/billing: template');
    expect(run.stdout).toContain('(1 merged, 1 created)');

    const fresh = mkdtempSync(join(tmpdir(), 'sync-fresh-'));
    others.push(fresh);
    cpSync(root, fresh, { recursive: true, verbatimSymlinks: true });
    rmSync(join(fresh, 'apps/billing'), { recursive: true });
    // Orders' manifest as it was before billing, which the new scaffold lists again.
    git(fresh, 'checkout', 'HEAD~2', '--', 'apps/orders/service.yaml');
    generateService(fresh, billing);
    expect(readTree(join(root, 'apps/billing'))).toEqual(readTree(join(fresh, 'apps/billing')));
    expect(recordedVersion()).toBe(git(root, 'rev-parse', 'HEAD:generators/templates').trim());
  });

  it('brings a service made with a cache and a database to what a fresh scaffold writes', async () => {
    const stash = { name: 'stash', port: '3006', database: 'postgres', cache: true };
    generateService(root, stash);
    commitAll(root, 'stash');
    editTemplate(root, 'service-cache/src/cache/visit-counter.ts.hbs', (t) => `// Why.\n${t}`);
    commitAll(root, 'template change');
    expect(await runSync(root, '--service', 'stash')).toMatchObject({ code: 0, stderr: '' });
    expect(read('apps/stash/src/cache/visit-counter.ts')).toMatch(/^\/\/ Why\.\n/);

    const fresh = mkdtempSync(join(tmpdir(), 'sync-fresh-'));
    others.push(fresh);
    cpSync(root, fresh, { recursive: true, verbatimSymlinks: true });
    rmSync(join(fresh, 'apps/stash'), { recursive: true });
    generateService(fresh, stash);
    expect(readTree(join(root, 'apps/stash'))).toEqual(readTree(join(fresh, 'apps/stash')));
  });

  it('reads a record written before the cache option as a service without a cache', async () => {
    const recordPath = 'apps/billing/.slipway/template.json';
    editFile(root, recordPath, (text) => text.replace(/,\s*"cache": false/, ''));
    expect(read(recordPath)).not.toContain('cache');
    commitAll(root, 'an older record');
    changeTemplates();
    expect(await runSync(root)).toMatchObject({ code: 0, stderr: '' });
    expect(read(recordPath)).toContain('"cache": false');
    expect(existsSync(join(root, 'apps/billing/src/cache'))).toBe(false);
  });

  it('adds a file the template added', async () => {
    changeTemplates();
    expect((await runSync(root)).code).toBe(0);
    expect(read('apps/billing/sync-fixture/added.md')).toBe('# billing runbook\n\nWho to page.\n');
  });

  it('merges a template change with a team change to another line of the same file', async () => {
    editFile(root, readme, (text) => text.replace('Bills.', 'Bills customers monthly.'));
    commitAll(root, 'team edit');
    changeTemplates();
    expect((await runSync(root)).code).toBe(0);
    expect(read(readme)).toContain('Bills customers monthly.');
    expect(read(readme)).toContain('# one bundled file with its source map: dist/index.js');
    expect(read(readme)).not.toContain('<<<<<<<');
  });

  it('leaves a conflict on a line both changed, exits 1, and loses nothing else', async () => {
    editFile(root, readme, (text) =>
      text.replace('Bills.', 'Bills monthly.').replace(buildLine, '# a single file'),
    );
    commitAll(root, 'team edit');
    changeTemplates();
    const run = await runSync(root);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Conflicts left between <<<<<<< and >>>>>>> markers`);
    expect(run.stderr).toContain(`  ${readme}\n`);
    const text = read(readme);
    expect(text).toMatch(
      /<<<<<<< apps\/billing\/README\.md\n.*# a single file\n=======\n.*# one bundled file with its source map: dist\/index\.js\n>>>>>>> template [0-9a-f]{12}\n/,
    );
    expect(text).toContain('Bills monthly.');
    expect(existsSync(join(root, 'apps/billing/sync-fixture/added.md'))).toBe(true);
    expect(recordedVersion()).toBe(git(root, 'rev-parse', 'HEAD:generators/templates').trim());

    const check = await runSync(root, '--check');
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`apps/billing still holds conflict markers in ${readme}`);
  });

  it('keeps a file the team deleted, unless the template changed it: then a conflict', async () => {
    rmSync(join(root, 'apps/billing/src/routes/hello/hello.test.ts'));
    rmSync(join(root, 'apps/billing/src/routes/hello/hello.handlers.ts'));
    commitAll(root, 'team deletes');
    editTemplate(
      root,
      'service/src/routes/hello/hello.handlers.ts.hbs',
      (text) => `// Why.\n${text}`,
    );
    commitAll(root, 'template change');
    const run = await runSync(root);
    expect(run.code).toBe(1);
    expect(existsSync(join(root, 'apps/billing/src/routes/hello/hello.test.ts'))).toBe(false);
    expect(read('apps/billing/src/routes/hello/hello.handlers.ts')).toMatch(
      /^<<<<<<< apps\/billing\/src\/routes\/hello\/hello\.handlers\.ts \(deleted\)\n=======\n\/\/ Why\.\n/,
    );
  });

  it('with --dry-run, prints the diff and writes nothing', async () => {
    changeTemplates();
    const before = hashTree(root);
    const run = await runSync(root, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--- a/apps/billing/README.md\n+++ b/apps/billing/README.md\n');
    expect(run.stdout).toContain('+# billing runbook');
    expect(run.stdout).toContain('+++ b/apps/billing/sync-fixture/added.md');
    expect(run.stdout).toContain('Dry run: nothing was written.');
    expect(hashTree(root)).toBe(before);
  });

  it('with --check, exits 1 while a service lags the templates and 0 once synced', async () => {
    expect(await runSync(root, '--check')).toEqual({ code: 0, stdout: '', stderr: '' });
    changeTemplates();
    const before = hashTree(root);
    const lagging = await runSync(root, '--check');
    expect(lagging.code).toBe(1);
    expect(lagging.stderr).toContain('apps/billing lags the templates');
    expect(lagging.stderr).toContain('  apps/billing/sync-fixture/added.md\n');
    expect(hashTree(root)).toBe(before);
    await runSync(root);
    expect(await runSync(root, '--check')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('adopts a hand-made service: template files it lacks are left alone, shared lines merge', async () => {
    const adopt = await runSync(root, '--adopt', 'gateway');
    expect(adopt.code).toBe(0);
    const record = JSON.parse(read('apps/gateway/.slipway/template.json')) as {
      answers: { public: boolean; calls: string[] };
      excluded: string[];
    };
    expect(record.answers).toMatchObject({ public: true, calls: ['orders'] });
    expect(record.excluded).toContain('src/routes/');
    expect(record.excluded).not.toContain('src/config.ts');
    commitAll(root, 'adopt gateway');
    editTemplate(root, 'service/src/routes/hello/hello.handlers.ts.hbs', (t) => `// Why.\n${t}`);
    commitAll(root, 'template change');
    const before = readTree(join(root, 'apps/gateway'));
    expect(await runSync(root, '--service', 'gateway')).toMatchObject({ code: 0, stderr: '' });
    const after = readTree(join(root, 'apps/gateway'));
    expect({ ...after, '.slipway/template.json': '' }).toEqual({
      ...before,
      '.slipway/template.json': '',
    });
    expect((await runSync(root, '--adopt', 'gateway')).stderr).toContain(
      'apps/gateway/.slipway/template.json exists already',
    );
  });

  it('records a new call in the template records of both sides', async () => {
    await runSync(root, '--adopt', 'gateway');
    generateService(root, {
      name: 'audit',
      port: '3010',
      calledBy: ['gateway'],
      calls: ['billing'],
    });
    const record = (service: string) =>
      JSON.parse(read(`${serviceDir(service)}/${repositoryFiles.templateRecord}`)) as {
        answers: { calls: string[]; calledBy: string[] };
        repository: { ports: Record<string, number> };
      };
    expect(record('gateway').answers.calls).toEqual(['orders', 'audit']);
    expect(record('gateway').repository.ports).toEqual({ orders: 3001, audit: 3010 });
    expect(record('billing').answers.calledBy).toEqual(['audit']);
    expect(await runSync(root, '--check')).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('names a service it does not know and an option it does not take', async () => {
    expect((await runSync(root, '--service', 'nope')).stderr).toContain(
      "There is no service 'nope' (services: billing, gateway, orders)",
    );
    const help = await runSync(root, '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run sync -- \[--service <name>\]/);
    for (const option of ['--service', '--dry-run', '--check', '--adopt', '-h, --help'])
      expect(help.stdout).toContain(`  ${option}`);
    const bogus = await runSync(root, '--bogus');
    expect(bogus.code).toBe(1);
    expect(bogus.stderr).toContain('(see npm run sync -- --help)');
  });
});
