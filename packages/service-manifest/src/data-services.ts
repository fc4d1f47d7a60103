import { z } from 'zod';
import {
  backupRetentionDaysRange,
  type CacheSettings,
  type DataServiceKind,
  dataServiceDefaults,
  dataServiceKinds,
  dataServiceSizes,
  dataServiceVariables,
  type PostgresMajorVersion,
  type PostgresSettings,
  postgresMajorVersions,
} from '@slipway/platform-contract';
import type { Environment } from './environment.ts';

const size = z.enum(dataServiceSizes, {
  error: `must be one of ${dataServiceSizes.join(', ')} (each cloud maps the class to its own instance types)`,
});
const backupRetentionDays = z
  .number()
  .int()
  .min(
    backupRetentionDaysRange.min,
    `must be at least ${backupRetentionDaysRange.min} days (the shortest every cloud keeps)`,
  )
  .max(
    backupRetentionDaysRange.max,
    `must be at most ${backupRetentionDaysRange.max} days (the longest every cloud keeps)`,
  );

const postgresOverrides = z.strictObject({
  size: size.optional(),
  highAvailability: z.boolean().optional(),
  backupRetentionDays: backupRetentionDays.optional(),
  deletionProtection: z.boolean().optional(),
});
const cacheOverrides = z.strictObject({
  size: size.optional(),
  highAvailability: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
});

/**
 * `postgres:` in a manifest: the service's own managed PostgreSQL server in each environment,
 * with one database the service owns. Settings given at the top apply to every environment; an
 * environment's section overrides them; the rest come from `dataServiceDefaults`.
 */
export const postgresDeclarationSchema = z.strictObject({
  version: z
    .union(
      postgresMajorVersions.map((v) => z.literal(v)),
      { error: `must be a PostgreSQL major version: ${postgresMajorVersions.join(', ')}` },
    )
    .optional(),
  ...postgresOverrides.shape,
  dev: postgresOverrides.optional(),
  staging: postgresOverrides.optional(),
  prod: postgresOverrides.optional(),
});

/** `cache:` in a manifest: the service's own managed cache (Valkey/Redis OSS protocol). */
export const cacheDeclarationSchema = cacheOverrides.extend({
  dev: cacheOverrides.optional(),
  staging: cacheOverrides.optional(),
  prod: cacheOverrides.optional(),
});

/** A declared PostgreSQL server as one environment gets it, every setting filled in. */
export interface ResolvedPostgres extends PostgresSettings {
  readonly kind: 'postgres';
  readonly version: PostgresMajorVersion;
  /** The database the service owns on it, and the user it connects as: its name, `-` → `_`. */
  readonly database: string;
}

/** A declared cache as one environment gets it, every setting filled in. */
export interface ResolvedCache extends CacheSettings {
  readonly kind: 'cache';
}

/** The data services of a service in one environment; a kind is absent when not declared. */
export interface ResolvedDataServices {
  readonly postgres?: ResolvedPostgres;
  readonly cache?: ResolvedCache;
}

type PostgresDeclaration = z.output<typeof postgresDeclarationSchema>;
type CacheDeclaration = z.output<typeof cacheDeclarationSchema>;

/** Drops the keys a section leaves out, so they do not hide the defaults under them. */
function given<T extends object>(section: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(section ?? {}).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/**
 * A service's declared data services as an environment gets them: the environment's section,
 * over the top-level settings, over the platform's defaults for that environment.
 * @example resolveDataServices({ name: 'ledger', postgres: {} }, 'prod').postgres?.highAvailability // true
 */
export function resolveDataServices(
  manifest: {
    readonly name: string;
    readonly postgres?: PostgresDeclaration | undefined;
    readonly cache?: CacheDeclaration | undefined;
  },
  environment: Environment,
): ResolvedDataServices {
  const { postgres, cache } = manifest;
  const resolved: { postgres?: ResolvedPostgres; cache?: ResolvedCache } = {};
  if (postgres) {
    const { version, dev, staging, prod, ...everywhere } = postgres;
    resolved.postgres = {
      kind: 'postgres',
      ...dataServiceDefaults.postgres.environments[environment],
      ...given(everywhere),
      ...given({ dev, staging, prod }[environment]),
      version: version ?? dataServiceDefaults.postgres.version,
      database: manifest.name.replaceAll('-', '_'),
    };
  }
  if (cache) {
    const { dev, staging, prod, ...everywhere } = cache;
    resolved.cache = {
      kind: 'cache',
      ...dataServiceDefaults.cache.environments[environment],
      ...given(everywhere),
      ...given({ dev, staging, prod }[environment]),
    };
  }
  return resolved;
}

/** A secret the platform mounts for a declared data service, and the kind it belongs to. */
export interface DataServiceSecret {
  readonly name: string;
  readonly kind: DataServiceKind;
}

/**
 * The secrets the platform mounts for a service's declared data services: each kind's URL and
 * CA certificate variables. A manifest must not list these in `secrets` or `config`.
 * @example dataServiceSecrets({ postgres: {} }).map((s) => s.name) // ['DATABASE_URL', 'DATABASE_CA_CERT']
 */
export function dataServiceSecrets(manifest: {
  readonly postgres?: unknown;
  readonly cache?: unknown;
}): DataServiceSecret[] {
  return dataServiceKinds
    .filter((kind) => manifest[kind] !== undefined)
    .flatMap((kind) => Object.values(dataServiceVariables[kind]).map((name) => ({ name, kind })));
}
