import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBearerToken, parseChallenge } from '../src/registry-challenge.js';
import { manifestMediaTypes, RegistryError, resolveDigest } from '../src/registry-digest.js';
import { type FakeRegistry, startFakeRegistry } from './fake-registry.js';

const credentials = { username: 'ci', password: 'ghs_test-token' };
const tag = 'a'.repeat(40);

describe('resolveDigest against a registry on 127.0.0.1', () => {
  let registry: FakeRegistry;
  beforeAll(async () => {
    registry = await startFakeRegistry(credentials);
  });
  afterAll(() => registry.close());

  it('answers the Bearer challenge through the token endpoint and reads Docker-Content-Digest', async () => {
    const digest = registry.push('acme/orders', tag);
    registry.requests.length = 0;
    expect(await resolveDigest(`${registry.host}/acme/orders:${tag}`, { credentials })).toBe(
      digest,
    );
    expect(registry.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      `HEAD /v2/acme/orders/manifests/${tag}`,
      'GET /token',
      `HEAD /v2/acme/orders/manifests/${tag}`,
    ]);
    expect(registry.requests[1]?.path).toContain('scope=repository%3Aacme%2Forders%3Apull');
    expect(registry.requests[1]?.authorization).toMatch(/^Basic /);
    expect(registry.requests[2]?.authorization).toMatch(/^Bearer [0-9a-f]{32}$/);
    for (const type of manifestMediaTypes) expect(registry.requests[0]?.accept).toContain(type);
  });

  it('says which tag is missing', async () => {
    await expect(
      resolveDigest(`${registry.host}/acme/orders:${'b'.repeat(40)}`, { credentials }),
    ).rejects.toThrow(/no such tag in the registry/);
  });

  it('fails when the token endpoint refuses the credentials', async () => {
    registry.push('acme/gateway', tag);
    await expect(
      resolveDigest(`${registry.host}/acme/gateway:${tag}`, {
        credentials: { ...credentials, password: 'wrong' },
      }),
    ).rejects.toThrow(RegistryError);
  });

  it('hashes the manifest itself when the registry leaves the digest header out', async () => {
    const bare = await startFakeRegistry({ ...credentials, omitDigestHeader: true });
    try {
      const digest = bare.push('acme/audit', tag);
      expect(await resolveDigest(`${bare.host}/acme/audit:${tag}`, { credentials })).toBe(digest);
      expect(bare.requests.at(-1)?.method).toBe('GET');
    } finally {
      await bare.close();
    }
  });
});

describe('the token flow', () => {
  it.each([
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/orders:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://ghcr.io/token',
          service: 'ghcr.io',
          scope: 'repository:acme/orders:pull',
        },
      },
    ],
    ['Basic realm="Registry"', { scheme: 'basic', params: { realm: 'Registry' } }],
  ])('parses %s', (header, expected) => {
    expect(parseChallenge(header)).toEqual(expected);
  });

  it('never sends credentials to a realm that is not HTTPS', async () => {
    const challenge = { scheme: 'bearer', params: { realm: 'http://registry.example/token' } };
    const refuse = () => Promise.reject(new Error('no request may be made'));
    await expect(fetchBearerToken(challenge, 'acme/orders', credentials, refuse)).rejects.toThrow(
      /not HTTPS/,
    );
  });

  it('refuses an image without a registry host or tag', async () => {
    await expect(resolveDigest('orders:latest')).rejects.toThrow(RegistryError);
  });
});
