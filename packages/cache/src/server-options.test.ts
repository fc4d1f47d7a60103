import { describe, expect, it } from 'vitest';
import { serverOptions } from './server-options.ts';

const settings = { connectTimeoutMs: 5_000 };
const ca = '-----BEGIN CERTIFICATE-----\nsentinel-ca\n-----END CERTIFICATE-----\n';

describe('serverOptions', () => {
  it('verifies TLS for rediss:// against the given CA and the host name of the URL', () => {
    const options = serverOptions(
      new URL('rediss://:token@cache.internal:6379'),
      { ...settings, caCertificate: ca, name: 'ledger' },
      () => false,
    );
    expect(options.tls).toEqual({ servername: 'cache.internal', ca });
    expect(options.connectionName).toBe('ledger');
  });

  it("trusts Node's own CAs for rediss:// without a CA, and uses no TLS for redis://", () => {
    expect(serverOptions(new URL('rediss://h:6379'), settings, () => false).tls).toEqual({
      servername: 'h',
    });
    expect(serverOptions(new URL('redis://h:6379'), settings, () => false).tls).toBeUndefined();
  });

  it('never retries the first connection, and retries once it stood', () => {
    let connected = false;
    const { retryStrategy } = serverOptions(new URL('redis://h'), settings, () => connected);
    expect(retryStrategy?.(1)).toBeNull();
    connected = true;
    expect(retryStrategy?.(3)).toBe(300);
    expect(retryStrategy?.(100)).toBe(2_000);
  });

  it('refuses a CA with a URL without TLS, naming both variables and not the password', () => {
    const url = new URL('redis://:sentinel-password@h:6379');
    expect(() => serverOptions(url, { ...settings, caCertificate: ca }, () => false)).toThrow(
      'CACHE_CA_CERT is set but CACHE_URL (redis://h:6379) is not rediss://',
    );
  });

  it('refuses a URL of another protocol, naming CACHE_URL', () => {
    expect(() => serverOptions(new URL('http://h'), settings, () => false)).toThrow(
      /^CACHE_URL must start with rediss:\/\/ \(TLS\) or redis:\/\//,
    );
  });
});
