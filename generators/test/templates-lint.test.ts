import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageGenerator, packageView } from '../src/package/package-generator.ts';
import type { ServiceAnswers } from '../src/service/service-answers.ts';
import { renderServiceFiles, serviceFacts } from '../src/service/service-files.ts';
import { formatFiles } from '../src/shared/format-files.ts';
import { renderTemplateFolder } from '../src/shared/render-templates.ts';
import { readRepoCatalog } from '../src/shared/repo-catalog.ts';
import { diskFiles } from '../src/shared/repo-files.ts';
import { createFixtureRepo } from './helpers/fixture-repo.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const templateFiles = diskFiles(fileURLToPath(new URL('../templates', import.meta.url)));
const biome = createRequire(join(repoRoot, 'package.json')).resolve('@biomejs/biome/bin/biome');
const fixture = createFixtureRepo();
const catalog = readRepoCatalog(fixture);
const output = mkdtempSync(join(tmpdir(), 'templates-lint-'));
afterAll(() => {
  rmSync(fixture, { recursive: true, force: true });
  rmSync(output, { recursive: true, force: true });
});

/** Writes rendered files into a folder and runs the repository's Biome over it. */
function lint(folder: string, files: { path: string; content: string }[]) {
  const dir = join(output, folder);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return spawnSync(
    process.execPath,
    [biome, 'check', `--config-path=${join(repoRoot, 'biome.json')}`, '--vcs-enabled=false', dir],
    { encoding: 'utf8' },
  );
}

const base: ServiceAnswers = {
  name: 'billing',
  description: 'The billing service.',
  port: 3004,
  public: false,
  calls: [],
  calledBy: [],
  owner: '',
  database: 'none',
  cache: false,
};

/** Every file of a new service, as the generator renders them before formatting. */
const renderService = (answers: ServiceAnswers, scope = catalog.platform.scope) =>
  renderServiceFiles(templateFiles, answers, {
    ...serviceFacts(answers, catalog, diskFiles(fixture)),
    scope,
  });

describe('the rendered and formatted templates pass the linter and formatter', () => {
  it.each([
    ['an internal service that calls nothing', base],
    [
      'a public service with calls, callers, an owner and quotes in its description',
      {
        ...base,
        public: true,
        calls: ['orders', 'gateway'],
        calledBy: ['gateway'],
        owner: '@acme/payments',
        description: `Bills customers: it's "monthly".`,
      },
    ],
    [
      'a service with the longest name allowed',
      { ...base, name: `a${'-b'.repeat(31)}`, calls: ['orders'], port: 65535 },
    ],
    [
      'a service on PostgreSQL that calls another',
      { ...base, name: 'ledger', database: 'postgres' as const, calls: ['orders'] },
    ],
    ['a service with a cache', { ...base, name: 'counter', cache: true }],
    [
      'a service on PostgreSQL with a cache that calls another',
      { ...base, name: 'ledger', database: 'postgres' as const, cache: true, calls: ['orders'] },
    ],
  ])('%s', (_case, answers) => {
    const files = formatFiles(repoRoot, renderService(answers));
    const result = lint(`service-${answers.name}`, files);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it.each(['money', `a${'-b'.repeat(24)}`])('the package %s', (name) => {
    const { description } = packageGenerator;
    expect(typeof description === 'string' ? description : description(catalog)).toContain(
      '@slipway/<name>',
    );
    const answers = { name, description: 'Money amounts in minor units.', scope: '@slipway' };
    const view = packageView(answers, catalog);
    const files = formatFiles(repoRoot, renderTemplateFolder(templateFiles, 'package', view));
    const result = lint(`package-${name}`, files);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

/**
 * A folder with the repository's Biome settings as `npm run init` leaves them for `scope`: the
 * import group of the platform's own packages renamed with it.
 */
function biomeSettingsFor(scope: string): string {
  const dir = join(output, `settings-${scope.slice(1)}`);
  mkdirSync(dir, { recursive: true });
  const settings = readFileSync(join(repoRoot, 'biome.json'), 'utf8');
  expect(settings).toContain(`"${catalog.platform.scope}/**"`);
  writeFileSync(
    join(dir, 'biome.json'),
    settings.replaceAll(`${catalog.platform.scope}/**`, `${scope}/**`),
  );
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

/** Scopes up to this long keep every template line within Biome's line width. */
const shortScopeLength = '@zz-platform'.length;

/** A file without its white space and the trailing commas Biome adds to lists it wraps. */
function withoutLineBreaks(file: { path: string; content: string }) {
  return { ...file, content: file.content.replace(/\s+/g, '').replace(/,([}\])])/g, '$1') };
}

describe('the service template as written', () => {
  it.each([
    ['a common name', base],
    ['a caller of orders', { ...base, calls: ['orders'] }],
    ['a service on PostgreSQL', { ...base, database: 'postgres' as const }],
    ['a service with a cache', { ...base, cache: true }],
    [
      'a service on PostgreSQL with a cache',
      { ...base, database: 'postgres' as const, cache: true },
    ],
  ])(
    'needs no formatting for %s: the templates read like the code they produce',
    (_case, answers) => {
      const rendered = renderService(answers);
      const formatted = formatFiles(repoRoot, rendered);
      // A fork's scope (this repository's, once `npm run init` ran) can be long enough to wrap an
      // import line: then line breaks are all that may change. The short scopes below are held to
      // no change at all.
      if (catalog.platform.scope.length <= shortScopeLength) expect(formatted).toEqual(rendered);
      else expect(formatted.map(withoutLineBreaks)).toEqual(rendered.map(withoutLineBreaks));
    },
  );

  // The platform's packages are an import group of their own (biome.json), so a fork's scope,
  // whether it sorts before or after '@hono', leaves the templates' import order as it is.
  const render = (scope: string) =>
    renderService({ ...base, calls: ['orders'], database: 'postgres', cache: true }, scope);

  it.each(['@acme', '@zz-platform'])('needs no formatting under the scope %s either', (scope) => {
    const rendered = render(scope);
    expect(rendered.some((file) => file.content.includes(`from '${scope}/service-kit'`))).toBe(
      true,
    );
    expect(formatFiles(biomeSettingsFor(scope), rendered)).toEqual(rendered);
  });

  it('keeps its import order under a long scope, whose lines only wrap', () => {
    const scope = '@a-long-company-name-platform-team';
    const rendered = render(scope);
    const importOrder = (files: readonly { content: string }[]) =>
      files.map((file) => [...file.content.matchAll(/from '([^']+)'/g)].map((m) => m[1]));
    const formatted = formatFiles(biomeSettingsFor(scope), rendered);
    expect(formatted).not.toEqual(rendered);
    expect(importOrder(formatted)).toEqual(importOrder(rendered));
  });
});

describe('formatFiles with the settings init renamed', () => {
  const file = {
    path: 'src/a.ts',
    content:
      "import { z } from 'zod';\nimport { loadConfig } from '@other-team/config';\n\nexport { loadConfig, z };\n",
  };

  it('sorts the new scope as the platform group when given the renamed settings', () => {
    const settings = readFileSync(join(repoRoot, 'biome.json'), 'utf8').replaceAll(
      `${catalog.platform.scope}/**`,
      '@other-team/**',
    );
    expect(formatFiles(repoRoot, [file], { settings })).toEqual([file]);
  });

  it("sorts it among the other packages under the repository's own settings", () => {
    const [formatted] = formatFiles(repoRoot, [file]);
    expect(formatted?.content.indexOf('@other-team/config')).toBeLessThan(
      formatted?.content.indexOf("'zod'") ?? -1,
    );
  });
});
