import * as pulumi from '@pulumi/pulumi';
import { dataServiceVariables, secretMountPath } from '@slipway/platform-contract';

/** Where a service finds a data service's CA certificate: its mounted secret file. */
const caFile = (variable: string) => `${secretMountPath}/${variable}`;

/** What a PostgreSQL URL is made of. */
export interface PostgresUrlParts {
  readonly user: pulumi.Input<string>;
  readonly password: pulumi.Input<string>;
  readonly host: pulumi.Input<string>;
  readonly port: pulumi.Input<number>;
  readonly database: pulumi.Input<string>;
  /** The server's certificate is signed by a CA Node does not trust: the URL names its mounted file. */
  readonly privateCa: boolean;
}

/**
 * The URL a service connects to its PostgreSQL server with: TLS with the server's name and
 * certificate verified (`verify-full`), against the mounted CA file when the CA is private. A
 * Pulumi secret, since it holds the password.
 * @example postgresUrl({ user: 'ledger', password, host: 'db.internal', port: 5432, database: 'ledger', privateCa: true })
 */
export function postgresUrl(parts: PostgresUrlParts): pulumi.Output<string> {
  const { user, password, host, port, database, privateCa } = parts;
  const rootCert = privateCa
    ? `&sslrootcert=${encodeURIComponent(caFile(dataServiceVariables.postgres.caCertificate))}`
    : '';
  return pulumi.secret(
    pulumi.interpolate`postgres://${pulumi.output(user).apply(encodeURIComponent)}:${pulumi.output(password).apply(encodeURIComponent)}@${host}:${port}/${database}?sslmode=verify-full${rootCert}`,
  );
}

/** What a cache URL is made of. */
export interface CacheUrlParts {
  /** The ACL user; absent: the server's default user, as an AUTH token or access key has it. */
  readonly user?: pulumi.Input<string>;
  readonly password: pulumi.Input<string>;
  readonly host: pulumi.Input<string>;
  readonly port: pulumi.Input<number>;
}

/**
 * The URL a service connects to its cache with: `rediss://` (TLS, always), the password in the
 * URL's password part. A Pulumi secret. The CA, when private, comes beside it as its own file.
 * @example cacheUrl({ password: token, host: 'cache.internal', port: 6379 })
 */
export function cacheUrl({
  user = '',
  password,
  host,
  port,
}: CacheUrlParts): pulumi.Output<string> {
  return pulumi.secret(
    pulumi.interpolate`rediss://${pulumi.output(user).apply(encodeURIComponent)}:${pulumi.output(password).apply(encodeURIComponent)}@${host}:${port}`,
  );
}
