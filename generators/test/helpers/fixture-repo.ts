import { createHash } from 'node:crypto';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterClouds, clusterProgram } from '@slipway/platform-contract';

const manifest = (name: string, port: number, calls: string, calledBy: string) =>
  `# The platform reads this file: local dev, generators, infra and CI.
name: ${name}
description: The ${name} example.
port: ${port}
public: ${name === 'gateway'}
calls: ${calls}
calledBy: ${calledBy}
`;

const files: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'fixture',
    private: true,
    engines: { node: '>=24' },
    workspaces: ['apps/*', 'packages/*'],
  }),
  'platform.json': JSON.stringify({
    scope: '@slipway',
    registry: 'ghcr.io/<owner>',
    cloud: 'aws',
    initialized: false,
  }),
  'apps/gateway/package.json': JSON.stringify({ name: 'gateway', private: true }),
  'apps/gateway/service.yaml': manifest('gateway', 3000, '[orders]', '[]'),
  'apps/gateway/src/config.ts': `import { z } from 'zod';
import { defineConfigSchema } from '@slipway/config';

/** Everything gateway reads from its environment. */
export const configSchema = defineConfigSchema(
  { name: 'gateway', port: 3000 },
  {
    ORDERS_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:3001'),
  },
);

export type Config = z.output<typeof configSchema>;
`,
  'apps/orders/package.json': JSON.stringify({
    name: 'orders',
    private: true,
    devDependencies: { 'drizzle-kit': '^0.31.11' },
  }),
  'apps/orders/service.yaml': manifest('orders', 3001, '[]', '[gateway] # only the gateway'),
  'packages/config/package.json': JSON.stringify({ name: '@slipway/config' }),
  'packages/service-kit/package.json': JSON.stringify({
    name: '@slipway/service-kit',
    dependencies: { '@hono/zod-openapi': '^1.6.3', hono: '^4.13.19', zod: '^4.6.7' },
  }),
  'packages/database/package.json': JSON.stringify({
    name: '@slipway/database',
    dependencies: { 'drizzle-orm': '^0.45.4', pg: '^8.23.1' },
    devDependencies: { '@types/pg': '^8.23.1' },
  }),
  'node_modules/hono/package.json': JSON.stringify({ name: 'hono' }),
  ...Object.fromEntries(
    clusterClouds.map((cloud) => [`${clusterProgram(cloud)}/index.ts`, 'export {};\n']),
  ),
};

/**
 * A small repository in a temporary folder: two services (gateway calls orders), three
 * shared packages, one installed package and the three cluster programs. Enough for the
 * generators, which read manifests, workspaces and `node_modules` names only.
 */
export function createFixtureRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'generators-fixture-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Gives a fixture repository this repository's Biome settings and Biome itself (linked), so
 * the generators format what they write there as they do here.
 */
export function linkBiome(root: string): void {
  cpSync(join(repoRoot, 'biome.json'), join(root, 'biome.json'));
  symlinkSync(join(repoRoot, 'node_modules/@biomejs'), join(root, 'node_modules/@biomejs'));
}

/** Every file under `root` with its content (`node_modules` aside), for exact comparisons. */
export function readTree(root: string, dir = ''): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') Object.assign(tree, readTree(root, path));
    } else tree[path] = readFileSync(join(root, path), 'utf8');
  }
  return tree;
}

/** A hash of every path and byte under `root` (`node_modules` aside). */
export function hashTree(root: string): string {
  return createHash('sha256')
    .update(JSON.stringify(readTree(root)))
    .digest('hex');
}
