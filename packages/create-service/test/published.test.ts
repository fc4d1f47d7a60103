import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryFiles, serviceManifestPath } from '@slipway/platform-contract';
import {
  createSandbox,
  removeSandbox,
  repoRoot,
  unusedServiceName,
} from './helpers/repo-sandbox.ts';

// A team may publish @slipway/create-service to its registry and run it in a clone of its
// fork. This packs the package as `changeset publish` would (its compiled dist/, no src/),
// installs the tarballs with only the dependencies their package.json declare, and runs it.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The repository's compiler, as the package's `build` script runs it (TypeScript 7's `tsc`
// launches the native compiler; its package exports no JavaScript entry to run by path).
const tsc = join(repoRoot, 'node_modules/.bin/tsc');

interface PackedManifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
}

function pack(dir: string, into: string): string {
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', into], {
    cwd: dir,
    encoding: 'utf8',
  }).trim();
  return join(into, file);
}

/** Unpacks a tarball into `node_modules` as npm would, and returns its package.json. */
function install(tarball: string, modules: string): PackedManifest {
  const unpacked = mkdtempSync(join(dirname(tarball), 'unpacked-'));
  execFileSync('tar', ['-xzf', tarball, '-C', unpacked]);
  const manifest = JSON.parse(
    readFileSync(join(unpacked, 'package/package.json'), 'utf8'),
  ) as PackedManifest;
  mkdirSync(dirname(join(modules, manifest.name)), { recursive: true });
  cpSync(join(unpacked, 'package'), join(modules, manifest.name), { recursive: true });
  return manifest;
}

/** Where Node finds `dependency` from `dir`: its own node_modules first, then its parents'. */
function installedDir(dependency: string, dir: string): string {
  const candidate = join(dir, 'node_modules', dependency);
  if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
  if (dirname(dir) === dir) throw new Error(`${dependency} is not installed`);
  return installedDir(dependency, dirname(dir));
}

describe('the published @slipway/create-service', () => {
  let work: string;
  let sandbox: string;
  let bin: string;
  let installed: string;

  beforeAll(() => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'create-service-published-')));
    const staged = join(work, 'create-service');
    for (const entry of ['package.json', 'README.md', 'bin']) {
      cpSync(join(packageDir, entry), join(staged, entry), { recursive: true });
    }
    execFileSync(tsc, [
      '-p',
      join(packageDir, 'tsconfig.build.json'),
      '--outDir',
      join(staged, 'dist'),
    ]);
    const modules = join(work, 'consumer/node_modules');
    const manifest = install(pack(staged, work), modules);
    // Third-party dependencies come from this repository's install, and only those declared.
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
      if (existsSync(join(modules, dependency))) continue;
      mkdirSync(dirname(join(modules, dependency)), { recursive: true });
      symlinkSync(installedDir(dependency, packageDir), join(modules, dependency));
    }
    installed = join(modules, '@slipway/create-service');
    bin = join(installed, 'bin/create-service.js');
    sandbox = createSandbox();
  }, 120_000);
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    removeSandbox(sandbox);
  });

  it('ships its compiled CLI, not its sources or tests', () => {
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'dist', 'package.json']);
    expect(existsSync(join(installed, 'dist/cli.js'))).toBe(true);
    expect(readdirSync(join(installed, 'dist')).some((file) => file.includes('.test.'))).toBe(
      false,
    );
  });

  it('imports its own modules as .js, which the sources name .ts', () => {
    const cli = readFileSync(join(installed, 'dist/cli.js'), 'utf8');
    expect(cli).toContain("from './scaffold-service.js'");
    const specifiers = readdirSync(join(installed, 'dist'))
      .filter((file) => file.endsWith('.js'))
      .flatMap((file) => [
        ...readFileSync(join(installed, 'dist', file), 'utf8').matchAll(/from '(\.[^']*)'/g),
      ])
      .map(([, specifier]) => specifier);
    expect(specifiers.length).toBeGreaterThan(5);
    expect(specifiers.filter((specifier) => !specifier?.endsWith('.js'))).toEqual([]);
  });

  it("scaffolds a service with the repository's own generators", () => {
    const name = unusedServiceName('published');
    // As `npm create` runs it there: with the node options of the repository's .npmrc, which
    // let Node read the plopfile's workspace packages from their TypeScript source.
    const run = spawnSync(process.execPath, [bin, '--name', name, '--yes', '--no-install'], {
      cwd: join(sandbox, repositoryFiles.servicesDir),
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '--conditions=@slipway/source' },
    });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`✔ write: wrote`);
    expect(readFileSync(join(sandbox, serviceManifestPath(name)), 'utf8')).toContain(
      `name: ${name}`,
    );
  });
});
