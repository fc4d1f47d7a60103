import { beforeAll, describe, expect, it } from 'vitest';
import { installMocks, secretValueOf } from '@slipway/infra-testing';
import { cacheUrl, postgresUrl } from '../src/connection-urls.ts';

beforeAll(async () => {
  await installMocks({ project: 'data-services-test' });
});

describe('postgresUrl', () => {
  it('verifies the server against the mounted CA file, and escapes the password', async () => {
    const url = postgresUrl({
      user: 'ledger',
      password: 'p@ss/word',
      host: 'ledger.abc.eu-west-1.rds.amazonaws.com',
      port: 5432,
      database: 'ledger',
      privateCa: true,
    });
    expect(await secretValueOf(url)).toBe(
      'postgres://ledger:p%40ss%2Fword@ledger.abc.eu-west-1.rds.amazonaws.com:5432/ledger?sslmode=verify-full&sslrootcert=%2Fvar%2Frun%2Fsecrets%2Fslipway%2FDATABASE_CA_CERT',
    );
  });

  it("verifies against Node's trusted roots when the CA is public", async () => {
    const url = postgresUrl({
      user: 'u',
      password: 'p',
      host: 'h',
      port: 5432,
      database: 'd',
      privateCa: false,
    });
    expect(await secretValueOf(url)).toBe('postgres://u:p@h:5432/d?sslmode=verify-full');
  });
});

describe('cacheUrl', () => {
  it('is TLS always, with the default user when none is named', async () => {
    const url = cacheUrl({ password: 'tok:en', host: 'h', port: 6379 });
    expect(await secretValueOf(url)).toBe('rediss://:tok%3Aen@h:6379');
  });
});
