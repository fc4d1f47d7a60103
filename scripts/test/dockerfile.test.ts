import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { execForm, parseDockerfile, stageEnv } from '../src/dockerfile.ts';
import { checkDockerfile } from '../src/dockerfile-rules.ts';
import { readNodeMajor } from '../src/node-line.ts';

// There is no Docker engine here: the image is built on GitHub (deploy.yml). These tests hold the
// recipe to the image standard statically.
const root = join(import.meta.dirname, '../..');
const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
};
const turboVersion = rootPkg.devDependencies.turbo;
// .nvmrc owns the Node line; the image must be on it.
const nodeMajor = readNodeMajor(root);
const options = { turboVersion, nodeMajor };
const cmd =
  'CMD ["node", "--import", "./dist/tracing.js", "--enable-source-maps", "dist/index.js"]';

function rulesBroken(text: string): string[] {
  return [...new Set(checkDockerfile(text, options).map((p) => p.rule))].sort();
}

describe('docker/Dockerfile', () => {
  it('passes every image rule', () => {
    expect(checkDockerfile(dockerfile, options)).toEqual([]);
  });

  it('is multi-stage and prunes with turbo for one service', () => {
    const { stages } = parseDockerfile(dockerfile);
    expect(stages.map((s) => s.name)).toEqual([
      'node-image',
      'base',
      'prune',
      'build',
      'deps',
      'runtime',
    ]);
    expect(dockerfile).toMatch(/turbo@\$\{TURBO_VERSION\}" prune "\$\{SERVICE\}" --docker/);
  });

  it('runs the final stage as the non-root uid/gid 10001 (infra/services sets the same runAsUser)', () => {
    const final = parseDockerfile(dockerfile).stages.at(-1);
    expect(final?.instructions.filter((i) => i.keyword === 'USER').map((i) => i.args)).toEqual([
      '10001:10001',
    ]);
  });

  it('copies node_modules into the final stage only from the production-only install', () => {
    const final = parseDockerfile(dockerfile).stages.at(-1);
    const copies = final?.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args) ?? [];
    expect(
      copies.filter((c) => c.includes('node_modules')).every((c) => c.startsWith('--from=deps')),
    ).toBe(true);
    const deps = parseDockerfile(dockerfile).stages.find((s) => s.name === 'deps');
    expect(
      deps?.instructions.some((i) => i.keyword === 'RUN' && i.args.includes('npm ci --omit=dev')),
    ).toBe(true);
  });

  it('pins one Node 24 base image (the .nvmrc line) that the build and runtime stages start from', () => {
    const { stages } = parseDockerfile(dockerfile);
    expect(nodeMajor).toBe(24);
    expect(stages[0]?.from).toMatch(
      new RegExp(`^node:${nodeMajor}\\.\\d+\\.\\d+-bookworm-slim@sha256:[0-9a-f]{64}$`),
    );
    const images = stages.filter((s) => !stages.some((t) => t.name === s.from));
    expect(images.map((s) => s.name)).toEqual(['node-image']);
    expect(stages.find((s) => s.name === 'runtime')?.from).toBe('node-image');
  });

  it("keeps the compile cache on /tmp, the pod's one writable path", () => {
    const final = parseDockerfile(dockerfile).stages.at(-1);
    expect(final && stageEnv(final)).toMatchObject({
      NODE_ENV: 'production',
      NODE_COMPILE_CACHE: '/tmp/node-compile-cache',
    });
  });

  it('starts the tracing entry point before the service, as npm start does in every service', () => {
    const final = parseDockerfile(dockerfile).stages.at(-1);
    const args = execForm(final?.instructions.findLast((i) => i.keyword === 'CMD')?.args ?? '');
    expect(args).toEqual([
      'node',
      '--import',
      './dist/tracing.js',
      '--enable-source-maps',
      'dist/index.js',
    ]);
    const services = readdirSync(join(root, 'apps')).filter((name) =>
      existsSync(join(root, 'apps', name, 'package.json')),
    );
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) {
      const pkg = JSON.parse(readFileSync(join(root, 'apps', service, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      };
      expect(pkg.scripts.start, `apps/${service}/package.json`).toBe(args?.join(' '));
    }
  });

  it("is kept current by Dependabot's docker ecosystem, within the Node 24 line", () => {
    const config = parse(readFileSync(join(root, '.github/dependabot.yml'), 'utf8')) as {
      updates: { 'package-ecosystem': string; directory: string; ignore?: unknown[] }[];
    };
    const docker = config.updates.find((u) => u['package-ecosystem'] === 'docker');
    expect(docker?.directory).toBe('/docker');
    expect(docker?.ignore).toContainEqual({
      'dependency-name': 'node',
      'update-types': ['version-update:semver-major'],
    });
  });

  it('has a .dockerignore that keeps dependencies, git history and secrets out of the context', () => {
    const ignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of [
      '**/node_modules',
      '**/dist',
      '.git',
      '**/.env',
      '**/.env.*',
      '.pulumi-state',
    ]) {
      expect(ignore).toContain(entry);
    }
  });
});

describe('checkDockerfile catches', () => {
  const swap = (from: string | RegExp, to: string) => {
    const next = dockerfile.replace(from, to);
    expect(next).not.toBe(dockerfile);
    return next;
  };

  it.each([
    [
      'a single stage',
      () =>
        'FROM node:24.20.0-bookworm-slim@sha256:' +
        'a'.repeat(64) +
        '\nUSER 10001\nCMD ["node", "x.js"]\n',
      ['multi-stage', 'turbo-prune'],
    ],
    [
      'no turbo prune',
      () => swap(/RUN npx --yes "turbo@\$\{TURBO_VERSION\}" prune[^\n]*/, 'RUN cp -r . /pruned'),
      ['turbo-prune'],
    ],
    ['prune without --docker', () => swap(' --docker --out-dir', ' --out-dir'), ['turbo-prune']],
    [
      'another turbo version',
      () => swap(`ARG TURBO_VERSION=${turboVersion}`, 'ARG TURBO_VERSION=2.11.9'),
      ['turbo-version'],
    ],
    [
      'an unpinned base',
      () => swap(/FROM node:\S+ AS node-image/, 'FROM node:24-bookworm-slim AS node-image'),
      ['pinned-base'],
    ],
    ['a tag without digest', () => swap(/@sha256:[0-9a-f]{64}/, ''), ['pinned-base']],
    [
      'latest',
      () => swap(/FROM node:\S+/, `FROM node:latest@sha256:${'a'.repeat(64)}`),
      ['node-line', 'pinned-base'],
    ],
    ['the Node 20 line', () => swap(/FROM node:24\.20\.0/, 'FROM node:20.20.2'), ['node-line']],
    [
      'the next Node line in production',
      () => swap(/FROM node:24\.20\.0/, 'FROM docker.io/library/node:26.1.0'),
      ['node-line'],
    ],
    [
      'a second, unpinned base image for the runtime',
      () => swap('FROM node-image AS runtime', 'FROM node:24 AS runtime'),
      ['pinned-base'],
    ],
    [
      'a runtime on another Node line',
      () =>
        swap(
          'FROM node-image AS runtime',
          `FROM node:22.22.0-bookworm-slim@sha256:${'b'.repeat(64)} AS runtime`,
        ),
      ['node-line'],
    ],
    [
      'the compile cache on the read-only root filesystem',
      () => swap('NODE_COMPILE_CACHE=/tmp/node-compile-cache', 'NODE_COMPILE_CACHE=/app/.cache'),
      ['writable-paths'],
    ],
    [
      'the compile cache beside /tmp, not under it',
      () => swap('NODE_COMPILE_CACHE=/tmp/node-compile-cache', 'NODE_COMPILE_CACHE=/tmpfs/cache'),
      ['writable-paths'],
    ],
    ['root', () => swap('USER 10001:10001', 'USER root'), ['non-root-user']],
    ['a low uid', () => swap('USER 10001:10001', 'USER 1000:1000'), ['non-root-user']],
    ['no USER', () => swap('USER 10001:10001\n', ''), ['non-root-user']],
    [
      'a RUN after USER',
      () => swap('USER 10001:10001\n', 'USER 10001:10001\nRUN touch /tmp/x\n'),
      ['user-last'],
    ],
    ['shell-form CMD', () => swap(cmd, 'CMD node dist/index.js'), ['exec-form-cmd']],
    ['npm start', () => swap(cmd, 'CMD ["npm", "start"]'), ['exec-form-cmd']],
    [
      'dev dependencies in the final stage',
      () => swap('COPY --from=deps /repo/node_modules', 'COPY --from=build /repo/node_modules'),
      ['production-deps-only'],
    ],
    [
      'an install with dev dependencies in the final stage',
      () => swap('USER 10001:10001', 'RUN npm ci\nUSER 10001:10001'),
      ['production-deps-only'],
    ],
    [
      'NODE_TLS_REJECT_UNAUTHORIZED',
      () =>
        swap('ENV NODE_ENV=production', 'ENV NODE_ENV=production NODE_TLS_REJECT_UNAUTHORIZED=0'),
      ['no-tls-bypass'],
    ],
    [
      'npm strict-ssl off',
      () =>
        swap(
          'RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci --no-audit',
          'RUN npm config set strict-ssl false && npm ci --no-audit',
        ),
      ['no-tls-bypass'],
    ],
  ])('%s', (_label, make, expected) => {
    expect(rulesBroken(make())).toEqual([...expected].sort());
  });
});

describe('stageEnv', () => {
  const envOf = (text: string) => {
    const stage = parseDockerfile(`FROM scratch\n${text}\n`).stages[0];
    return stage ? stageEnv(stage) : {};
  };

  it.each([
    ['one pair', 'ENV A=1', { A: '1' }],
    [
      'several pairs and quotes',
      'ENV A=1 B="two words" C=\'x\'',
      { A: '1', B: 'two words', C: 'x' },
    ],
    ['continued lines', 'ENV A=1 \\\n    B=/tmp/b', { A: '1', B: '/tmp/b' }],
    ['the legacy form', 'ENV A one value', { A: 'one value' }],
    ['a later ENV winning', 'ENV A=1\nENV A=2', { A: '2' }],
  ])('reads %s', (_label, text, expected) => {
    expect(envOf(text)).toEqual(expected);
  });
});
