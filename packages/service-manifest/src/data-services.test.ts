import { describe, expect, it } from 'vitest';
import { dataServiceDefaults } from '@slipway/platform-contract';
import { dataServiceSecrets, resolveDataServices } from './data-services.ts';
import { serviceManifestSchema } from './schema.ts';

const parse = (extra: object) =>
  serviceManifestSchema.parse({ name: 'ledger', port: 3005, ...extra });

describe('resolveDataServices', () => {
  it("gives a bare declaration the environment's defaults", () => {
    const manifest = parse({ postgres: {}, cache: {} });
    expect(resolveDataServices(manifest, 'prod')).toEqual({
      postgres: {
        kind: 'postgres',
        version: dataServiceDefaults.postgres.version,
        database: 'ledger',
        ...dataServiceDefaults.postgres.environments.prod,
      },
      cache: { kind: 'cache', ...dataServiceDefaults.cache.environments.prod },
    });
    expect(resolveDataServices(manifest, 'dev').postgres?.deletionProtection).toBe(false);
  });

  it('lets an environment section win over the top level, and the top level over defaults', () => {
    const manifest = parse({
      postgres: { version: 18, size: 'large', prod: { size: 'xlarge', highAvailability: false } },
    });
    expect(resolveDataServices(manifest, 'prod').postgres).toMatchObject({
      version: 18,
      size: 'xlarge',
      highAvailability: false,
      deletionProtection: true,
    });
    expect(resolveDataServices(manifest, 'staging').postgres?.size).toBe('large');
  });

  it('names the database after the service, as PostgreSQL identifiers allow', () => {
    const manifest = serviceManifestSchema.parse({
      name: 'user-profile',
      port: 3005,
      postgres: {},
    });
    expect(resolveDataServices(manifest, 'dev').postgres?.database).toBe('user_profile');
  });

  it('resolves nothing that is not declared', () => {
    expect(resolveDataServices(parse({}), 'dev')).toEqual({});
  });
});

describe('data service declarations in the schema', () => {
  const issues = (extra: object) =>
    serviceManifestSchema
      .safeParse({ name: 'ledger', port: 3005, ...extra })
      .error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

  it('refuse a size class no cloud maps, naming the classes', () => {
    expect(issues({ postgres: { prod: { size: 'huge' } } })).toEqual([
      {
        path: 'postgres.prod.size',
        message: expect.stringContaining('small, medium, large, xlarge'),
      },
    ]);
  });

  it('refuse a PostgreSQL version no cloud offers, and backups outside what every cloud keeps', () => {
    expect(issues({ postgres: { version: 12, backupRetentionDays: 90 } })).toEqual([
      { path: 'postgres.version', message: expect.stringContaining('16, 17, 18') },
      { path: 'postgres.backupRetentionDays', message: expect.stringContaining('at most 35') },
    ]);
  });

  it('refuse backups on a cache, which holds nothing that cannot be rebuilt', () => {
    expect(issues({ cache: { backupRetentionDays: 7 } })[0]?.path).toBe('cache');
  });

  it('refuse a secret or config value the declared service provides', () => {
    expect(
      issues({
        secrets: ['API_KEY', 'DATABASE_URL'],
        config: { default: { CACHE_URL: 'x' } },
      }),
    ).toEqual([]);
    expect(
      issues({
        postgres: {},
        cache: {},
        secrets: ['API_KEY', 'DATABASE_URL'],
        config: { default: { CACHE_URL: 'x' } },
      }),
    ).toEqual([
      {
        path: 'secrets.1',
        message: expect.stringContaining('comes from the declared postgres: remove DATABASE_URL'),
      },
      {
        path: 'config.default.CACHE_URL',
        message: 'is set by the platform from the declared data service: remove it',
      },
    ]);
  });
});

describe('dataServiceSecrets', () => {
  it('names the URL and CA variables of each declared kind', () => {
    expect(dataServiceSecrets({ cache: {} })).toEqual([
      { name: 'CACHE_URL', kind: 'cache' },
      { name: 'CACHE_CA_CERT', kind: 'cache' },
    ]);
  });
});
