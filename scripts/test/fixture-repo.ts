import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A throwaway git repository shaped like the monorepo, for tests. */
export interface FixtureRepo {
  readonly root: string;
  /** Writes files (path → content; objects are written as JSON). */
  write(files: Record<string, string | object>): void;
  /** Commits everything and returns the new commit's SHA. */
  commit(message: string): string;
  git(...args: string[]): string;
  remove(): void;
}

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Slipway Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Slipway Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
};

/**
 * Creates an empty git repository in a temporary folder.
 * @example const repo = createFixtureRepo(); repo.write({...}); const sha = repo.commit('base');
 */
export function createFixtureRepo(): FixtureRepo {
  const root = mkdtempSync(join(tmpdir(), 'slipway-scripts-'));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: root,
      env: gitEnv,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  git('init', '--quiet', '--initial-branch=main');
  return {
    root,
    git,
    write(files) {
      for (const [path, content] of Object.entries(files)) {
        const full = join(root, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(
          full,
          typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`,
        );
      }
    },
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/**
 * A monorepo with three services and shared packages:
 * gateway → @acme/kit → @acme/config; orders → @acme/config (dev dependency) ; audit → nothing.
 * @example const repo = createMonorepoFixture(); const base = repo.commit('base');
 */
export function createMonorepoFixture(): FixtureRepo {
  const repo = createFixtureRepo();
  const pkg = (
    name: string,
    deps: Record<string, string> = {},
    devDeps: Record<string, string> = {},
  ) => ({
    name,
    version: '0.1.0',
    type: 'module',
    dependencies: deps,
    devDependencies: devDeps,
  });
  repo.write({
    'package.json': {
      name: 'fixture',
      private: true,
      workspaces: ['apps/*', 'packages/*', 'infra/*'],
    },
    'package-lock.json': { lockfileVersion: 3 },
    'turbo.json': { globalDependencies: ['tsconfig.base.json', 'biome.json'], tasks: {} },
    'tsconfig.base.json': {},
    'biome.json': {},
    'docs/deploying.md': '# Deploying\n',
    'packages/config/package.json': pkg('@acme/config', { zod: '^4.0.0' }),
    'packages/config/src/index.ts': 'export const config = 1;\n',
    'packages/kit/package.json': pkg('@acme/kit', { '@acme/config': '*', hono: '^4.0.0' }),
    'packages/kit/src/index.ts': 'export const kit = 1;\n',
    'packages/unused/package.json': pkg('@acme/unused'),
    'packages/unused/src/index.ts': 'export const unused = 1;\n',
    'apps/gateway/package.json': pkg('gateway', { '@acme/kit': '*' }),
    'apps/gateway/service.yaml': 'name: gateway\n',
    'apps/gateway/src/index.ts': 'export {};\n',
    'apps/orders/package.json': pkg('orders', {}, { '@acme/config': '*' }),
    'apps/orders/service.yaml': 'name: orders\n',
    'apps/orders/src/index.ts': 'export {};\n',
    'apps/audit/package.json': pkg('audit'),
    'apps/audit/service.yaml': 'name: audit\n',
    'apps/audit/src/index.ts': 'export {};\n',
    'apps/notes/package.json': pkg('notes'),
    'apps/notes/README.md': 'A workspace without service.yaml is not deployed.\n',
    'infra/services/package.json': pkg('@acme/infra-services', { '@acme/config': '*' }),
    'infra/services/Pulumi.yaml': 'name: acme-services\nruntime: nodejs\n',
  });
  return repo;
}

/**
 * A CommandContext that records what a command writes and where its outputs go.
 * @example const ctx = recordingContext(dir); command(argv, ctx); ctx.outputs()
 */
export function recordingContext(
  outputFile?: string,
  env: Record<string, string | undefined> = {},
): { env: Record<string, string | undefined>; write: (text: string) => void; text: () => string } {
  let text = '';
  return {
    env: { ...env, GITHUB_OUTPUT: outputFile },
    write: (chunk) => {
      text += chunk;
    },
    text: () => text,
  };
}
