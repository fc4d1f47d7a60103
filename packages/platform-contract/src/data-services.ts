/**
 * The data services a service may declare in its manifest: the platform provisions each on the
 * cluster's cloud (docs/adding-a-database.md), and locally the service runs an embedded engine.
 */
export const dataServiceKinds = ['postgres', 'cache'] as const;

/** One of {@link dataServiceKinds}. */
export type DataServiceKind = (typeof dataServiceKinds)[number];

/**
 * The size classes a manifest picks from; each cloud's program maps a class to its own instance
 * types, so a manifest never names a cloud's machine.
 */
export const dataServiceSizes = ['small', 'medium', 'large', 'xlarge'] as const;

/** One of {@link dataServiceSizes}. */
export type DataServiceSize = (typeof dataServiceSizes)[number];

/**
 * The PostgreSQL major versions every supported cloud offers as a managed server. PGlite, the
 * local and unit-test engine, is PostgreSQL 17: the default keeps local and cluster alike.
 */
export const postgresMajorVersions = [16, 17, 18] as const;

/** One of {@link postgresMajorVersions}. */
export type PostgresMajorVersion = (typeof postgresMajorVersions)[number];

/**
 * The variables through which a declared data service reaches its service, each a secret
 * mounted as a file (`<NAME>_FILE`): the connection URL, and the certificate authority that signed
 * the server's TLS certificate when it is not one Node already trusts (the clouds' private CAs).
 * @example dataServiceVariables.postgres.url // 'DATABASE_URL'
 */
export const dataServiceVariables = {
  postgres: { url: 'DATABASE_URL', caCertificate: 'DATABASE_CA_CERT' },
  cache: { url: 'CACHE_URL', caCertificate: 'CACHE_CA_CERT' },
} as const satisfies Record<DataServiceKind, { url: string; caCertificate: string }>;

/** What may differ per environment for a PostgreSQL server. */
export interface PostgresSettings {
  readonly size: DataServiceSize;
  /** A standby in another zone that takes over on failure. */
  readonly highAvailability: boolean;
  /** Days of automated backups kept, which is also how far back point-in-time recovery reaches. */
  readonly backupRetentionDays: number;
  /** The cloud refuses to delete the server (and Pulumi refuses to replace it) until turned off. */
  readonly deletionProtection: boolean;
}

/** What may differ per environment for a cache; a cache holds nothing that cannot be rebuilt, so it has no backups. */
export interface CacheSettings {
  readonly size: DataServiceSize;
  /** A replica in another zone with automatic failover. */
  readonly highAvailability: boolean;
  readonly deletionProtection: boolean;
}

/**
 * The bounds of `backupRetentionDays` that all three clouds accept (Azure's flexible server keeps
 * 7 to 35 days, RDS up to 35, Cloud SQL more).
 */
export const backupRetentionDaysRange = { min: 7, max: 35 } as const;

/**
 * What a declared data service gets for each setting its manifest leaves out, per environment:
 * dev is the smallest and cheapest, prod is highly available, keeps a month of backups and is
 * protected from deletion. Keyed by the manifest's environments (`@slipway/service-manifest`
 * types its resolver against them, so an environment without defaults does not compile).
 * @example dataServiceDefaults.postgres.environments.prod.highAvailability // true
 */
export const dataServiceDefaults = {
  postgres: {
    version: 17,
    environments: {
      dev: {
        size: 'small',
        highAvailability: false,
        backupRetentionDays: 7,
        deletionProtection: false,
      },
      staging: {
        size: 'small',
        highAvailability: false,
        backupRetentionDays: 7,
        deletionProtection: false,
      },
      prod: {
        size: 'medium',
        highAvailability: true,
        backupRetentionDays: 30,
        deletionProtection: true,
      },
    },
  },
  cache: {
    environments: {
      dev: { size: 'small', highAvailability: false, deletionProtection: false },
      staging: { size: 'small', highAvailability: false, deletionProtection: false },
      prod: { size: 'medium', highAvailability: true, deletionProtection: true },
    },
  },
} as const satisfies {
  postgres: {
    version: PostgresMajorVersion;
    environments: Readonly<Record<string, PostgresSettings>>;
  };
  cache: { environments: Readonly<Record<string, CacheSettings>> };
};
