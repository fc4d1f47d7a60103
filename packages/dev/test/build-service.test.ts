import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildService } from '../src/build-service.ts';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.ts';
import { serviceKitStub } from './service-kit-stub.ts';

const kit = serviceKitStub('apps/hello');

describe('buildService', () => {
  let repo: FixtureRepo | undefined;
  afterEach(() => repo?.remove());

  it('bundles TypeScript and CommonJS code into one runnable ES module with a source map', async () => {
    repo = createFixtureRepo({
      ...kit,
      'apps/hello/src/index.ts':
        "import { hostname } from './host.cjs';\nconsole.log('ok', typeof hostname());\n",
      // CommonJS that calls require() at run time, as bundled npm packages do.
      'apps/hello/src/host.cjs': "module.exports.hostname = () => require('node:os').hostname();\n",
    });
    const result = await buildService({ serviceDir: repo.path('apps/hello') });

    expect(result.outfile).toBe(repo.path('apps/hello/dist/index.js'));
    expect(existsSync(`${result.outfile}.map`)).toBe(true);
    expect(execFileSync(process.execPath, [result.outfile], { encoding: 'utf8' })).toBe(
      'ok string\n',
    );
  });

  it('keeps function and class names for stack traces and logs, without a wrapper per function', async () => {
    repo = createFixtureRepo({
      ...kit,
      'apps/hello/src/index.ts': [
        'class OrderNotFoundError extends Error {}',
        'const handleOrder = () => new OrderNotFoundError();',
        'console.log(handleOrder.name, handleOrder().constructor.name);',
        '',
      ].join('\n'),
    });
    const { outfile } = await buildService({ serviceDir: repo.path('apps/hello') });

    expect(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })).toBe(
      'handleOrder OrderNotFoundError\n',
    );
    expect(readFileSync(outfile, 'utf8')).not.toContain('__name(');
  });

  it('copies migrations next to the bundle and removes what an earlier build left', async () => {
    repo = createFixtureRepo({
      ...kit,
      'apps/hello/src/index.ts': 'export {};\n',
      'apps/hello/migrations/0000_init.sql': 'create table t (id int);\n',
      'apps/hello/dist/stale.js': 'old\n',
    });
    const result = await buildService({ serviceDir: repo.path('apps/hello') });

    expect(result.copied).toEqual(['migrations']);
    expect(readFileSync(repo.path('apps/hello/dist/migrations/0000_init.sql'), 'utf8')).toContain(
      'create table',
    );
    expect(existsSync(repo.path('apps/hello/dist/stale.js'))).toBe(false);
  });

  it('leaves PGlite and the packages it is told about external', async () => {
    repo = createFixtureRepo({
      ...kit,
      'apps/hello/src/index.ts':
        "import { PGlite } from '@electric-sql/pglite';\nimport x from 'left-out';\nexport { PGlite, x };\n",
    });
    const result = await buildService({
      serviceDir: repo.path('apps/hello'),
      external: ['left-out'],
    });
    const bundle = readFileSync(result.outfile, 'utf8');

    expect(bundle).toMatch(/from\s*["']@electric-sql\/pglite["']/);
    expect(bundle).toMatch(/from\s*["']left-out["']/);
  });

  it('bundles the kit tracing entry point into dist/tracing.js, which node --import runs first', async () => {
    repo = createFixtureRepo({
      ...kit,
      'apps/hello/src/index.ts': "console.log('service started');\n",
    });
    const result = await buildService({ serviceDir: repo.path('apps/hello') });
    // The image has no copy of the kit's source: the entry point must not need it at run time.
    rmSync(repo.path('apps/hello/node_modules'), { recursive: true });

    expect(result.tracingFile).toBe(repo.path('apps/hello/dist/tracing.js'));
    const output = execFileSync(
      process.execPath,
      ['--import', './dist/tracing.js', '--enable-source-maps', 'dist/index.js'],
      { cwd: repo.path('apps/hello'), encoding: 'utf8' },
    );
    expect(output).toBe('tracing entry loaded\nservice started\n');
  });

  it('fails naming the package to add when the service cannot resolve the kit', async () => {
    repo = createFixtureRepo({ 'apps/hello/src/index.ts': 'export {};\n' });

    await expect(buildService({ serviceDir: repo.path('apps/hello') })).rejects.toThrow(
      /dist\/tracing\.js bundles @slipway\/service-kit\/tracing, .* add "@slipway\/service-kit" to its dependencies/,
    );
    // The service's own bundle had finished, and was removed: nothing half-built is left, and
    // nothing still writes into the folder the caller may now remove (ENOTEMPTY in CI).
    expect(existsSync(repo.path('apps/hello/dist'))).toBe(false);
  });
});
