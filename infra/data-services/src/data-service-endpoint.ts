import type * as pulumi from '@pulumi/pulumi';
import type { DataServiceKind } from '@slipway/platform-contract';

/**
 * A provisioned data service as its service needs it: what the services program mounts as the
 * service's secrets (`DATABASE_URL`, `DATABASE_CA_CERT`... from `dataServiceVariables`) and the
 * egress rule it derives. Every cloud's provisioner returns one; so does an existing server
 * named in stack config.
 */
export interface DataServiceEndpoint {
  readonly kind: DataServiceKind;
  /**
   * The connection URL with its credentials and TLS settings: `postgres://user:password@host:5432/db?sslmode=verify-full&sslrootcert=…`
   * or `rediss://user:password@host:port`. Always a Pulumi secret.
   */
  readonly url: pulumi.Output<string>;
  /**
   * The PEM certificate(s) of the authority that signed the server's TLS certificate, when Node
   * does not already trust it (RDS's and Cloud SQL's private CAs); mounted as the kind's
   * `caCertificate` variable, and named by a PostgreSQL URL's `sslrootcert`.
   */
  readonly caCertificate?: pulumi.Output<string>;
  /**
   * Where the service's egress rule points: the ranges the server's private addresses come from
   * (the data network's, never typed by a person) and the server's port.
   */
  readonly egress: { readonly cidrs: readonly string[]; readonly port: number };
  /** What it is, for renders and graphs: e.g. `Amazon RDS for PostgreSQL 17 (db.t4g.small)`. */
  readonly offering: string;
}
