import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PlatformFileError,
  readPlatformFile,
  repositoryVariables,
  templatePlatformFile,
} from '@slipway/platform-contract';
import { platform } from '../src/commands/platform.ts';
import {
  DeliverySettingsError,
  resolveCloud,
  resolveDeliverySettings,
  resolveRegistry,
} from '../src/platform-config.ts';
import { createFixtureRepo, recordingContext } from './fixture-repo.ts';

describe('resolveRegistry', () => {
  it.each([
    [{ config: { registry: 'ghcr.io/acme' } }, 'ghcr.io/acme'],
    [{ config: { registry: 'ghcr.io/<owner>' }, owner: 'Acme-Corp' }, 'ghcr.io/acme-corp'],
    [{ config: {}, owner: 'Octo' }, 'ghcr.io/octo'],
    [
      {
        config: { registry: 'ghcr.io/acme' },
        registryOverride: '123.dkr.ecr.eu-west-1.amazonaws.com/shop',
      },
      '123.dkr.ecr.eu-west-1.amazonaws.com/shop',
    ],
    [{ config: { registry: 'ghcr.io/acme/' } }, 'ghcr.io/acme'],
    // The same rule as init's (its scopeProblem).
    [{ config: { registry: 'ghcr.io/acme__tools/a-b.c' } }, 'ghcr.io/acme__tools/a-b.c'],
    [{ config: { registry: 'localhost:5000/acme' } }, 'localhost:5000/acme'],
    [{ config: { registry: 'ghcr.io/acme' }, registryOverride: '' }, 'ghcr.io/acme'],
  ])('%j → %s', (input, expected) => {
    expect(resolveRegistry(input)).toBe(expected);
  });

  it.each([
    'https://ghcr.io/acme',
    'ghcr.io/Acme',
    'ghcr.io/acme:latest',
    'ghcr.io/acme name',
    'acme/services',
  ])('refuses %j', (registry) => {
    expect(() => resolveRegistry({ config: { registry } })).toThrow(DeliverySettingsError);
  });

  it('says where to set the registry when nothing gives one', () => {
    expect(() => resolveRegistry({ config: {} })).toThrow(/platform.json .* IMAGE_REGISTRY/);
  });
});

describe('resolveCloud', () => {
  it('prefers the repository variable over platform.json', () => {
    expect(resolveCloud({ config: { cloud: 'aws' }, cloudOverride: 'Azure' })).toBe('azure');
    expect(resolveCloud({ config: { cloud: 'gcp' } })).toBe('gcp');
  });

  it('refuses an unknown or missing cloud with a hint', () => {
    expect(() => resolveCloud({ config: { cloud: 'digitalocean' } })).toThrow(
      /one of aws, gcp, azure, none/,
    );
    expect(() => resolveCloud({ config: {} })).toThrow(
      `the ${repositoryVariables.cloud} repository variable`,
    );
  });
});

describe('platform.json and the platform CLI', () => {
  it('reads the file init writes and prints registry, host and cloud as step outputs', () => {
    const repo = createFixtureRepo();
    try {
      repo.write({
        'package.json': { name: 'fixture', workspaces: [] },
        'platform.json': {
          scope: '@acme',
          registry: 'ghcr.io/<owner>',
          cloud: 'gcp',
          initialized: true,
        },
      });
      expect(readPlatformFile(repo.root)).toMatchObject({
        scope: '@acme',
        registry: 'ghcr.io/<owner>',
        cloud: 'gcp',
        initialized: true,
      });
      const out = join(repo.root, 'out.txt');
      platform(['--root', repo.root], recordingContext(out, { GITHUB_REPOSITORY_OWNER: 'acme' }));
      expect(readFileSync(out, 'utf8')).toBe(
        'registry=ghcr.io/acme\nregistry-host=ghcr.io\ncloud=gcp\n',
      );
    } finally {
      repo.remove();
    }
  });

  it("reads a missing platform.json as the template's and a malformed one as an error", () => {
    const repo = createFixtureRepo();
    try {
      expect(readPlatformFile(repo.root)).toEqual(templatePlatformFile);
      repo.write({ 'platform.json': '["not", "an object"]' });
      expect(() => readPlatformFile(repo.root)).toThrow(PlatformFileError);
      expect(resolveDeliverySettings({ config: {}, owner: 'acme', cloudOverride: 'none' })).toEqual(
        { registry: 'ghcr.io/acme', registryHost: 'ghcr.io', cloud: 'none' },
      );
    } finally {
      repo.remove();
    }
  });
});
