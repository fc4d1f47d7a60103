import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateServiceManifest } from '@slipway/service-manifest';
import { encryptedPlaceholder, fillForRender, readStackFile } from '../src/cli/stack-file.ts';
import { resolveStackConfig } from '../src/stack-config.ts';
import { ServicesStackConfigError } from '../src/stack-config-error.ts';
import { exampleManifests, examplePair } from './fixtures.ts';

describe('resolveStackConfig', () => {
  it('defaults the namespace to slipway-<stack> and the environment to the stack', () => {
    expect(resolveStackConfig('staging', {})).toEqual({
      stack: 'staging',
      environment: 'staging',
      namespace: 'slipway-staging',
      images: {},
      secrets: {},
      dataServices: {},
    });
  });

  it('keeps the platform stack to read gateways from', () => {
    expect(
      resolveStackConfig('dev', { platformStack: 'organization/slipway-platform/dev' })
        .platformStack,
    ).toBe('organization/slipway-platform/dev');
  });

  it.each([
    [
      'the default namespace',
      'dev',
      { namespace: 'default' },
      "field 'namespace': 'default' is reserved",
    ],
    [
      'a kube- namespace',
      'dev',
      { namespace: 'kube-system' },
      "field 'namespace': 'kube-system' is reserved",
    ],
    [
      'a stack that is no environment',
      'qa',
      {},
      "field 'environment': 'qa' is not one of dev, staging, prod",
    ],
    ['images that are not a map', 'dev', { images: 'orders:1' }, "field 'images': must be a map"],
    [
      'a platform stack that is not org/project/stack',
      'dev',
      { platformStack: 'slipway-platform' },
      "field 'platformStack': 'slipway-platform' is not a stack name such as organization/slipway-platform/dev",
    ],
    [
      'a secret that is not a string',
      'dev',
      { secrets: { orders: { DATABASE_URL: 5 } } },
      "service 'orders', field 'secrets.orders.DATABASE_URL': must be a string",
    ],
  ])('refuses %s', (_, stack, input, message) => {
    expect(() => resolveStackConfig(stack, input)).toThrow(ServicesStackConfigError);
    expect(() => resolveStackConfig(stack, input)).toThrow(message);
  });
});

describe('the committed stack files', () => {
  it.each(['dev', 'staging', 'prod'])(
    '%s names its namespace and platform stack (whose gateway gives the domain)',
    (stack) => {
      const input = readStackFile(stack);
      expect(input.namespace).toBe(`slipway-${stack}`);
      const config = resolveStackConfig(stack, input);
      expect(config.platformStack).toBe(`organization/slipway-platform/${stack}`);
    },
  );

  it('reads encrypted values as placeholders, never decrypting them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-stack-'));
    writeFileSync(
      join(dir, 'Pulumi.dev.yaml'),
      'config:\n  slipway-services:secrets:\n    orders:\n      DATABASE_URL:\n        secure: v1:abc\n  other-project:key: x\n',
    );
    expect(readStackFile('dev', dir)).toEqual({
      secrets: { orders: { DATABASE_URL: encryptedPlaceholder } },
    });
  });

  it('refuses an unknown stack', () => {
    expect(() => readStackFile('qa')).toThrow(/no stack file .*Pulumi\.qa\.yaml/);
  });
});

describe('fillForRender', () => {
  const billing = validateServiceManifest(
    { name: 'billing', port: 3009, secrets: ['STRIPE_KEY'] },
    { file: 'apps/billing/service.yaml', folder: 'billing' },
  );

  it('fills images and secrets CI sets at deploy time with placeholders, and says so', () => {
    const { input, warnings } = fillForRender(
      { images: { gateway: 'ghcr.io/acme/gateway:1.0.0' } },
      [...examplePair(), billing],
    );
    expect(input.images).toEqual({
      gateway: 'ghcr.io/acme/gateway:1.0.0',
      orders: 'registry.invalid/orders:unset',
      billing: 'registry.invalid/billing:unset',
    });
    expect(input.secrets).toEqual({ billing: { STRIPE_KEY: 'unset' } });
    expect(warnings).toEqual([
      'images.orders is not set: rendering a placeholder image',
      'images.billing is not set: rendering a placeholder image',
      'secrets.billing.STRIPE_KEY is not set: pulumi up would refuse this stack',
    ]);
  });

  it('gives every service under apps/ an image, keeping the ones the stack sets', () => {
    const manifests = exampleManifests();
    const { input } = fillForRender({ images: { orders: 'ghcr.io/acme/orders:1.0.0' } }, manifests);
    expect(Object.keys(input.images as object).sort()).toEqual(manifests.map((m) => m.name).sort());
    expect(input.images).toMatchObject({
      orders: 'ghcr.io/acme/orders:1.0.0',
      gateway: 'registry.invalid/gateway:unset',
    });
  });
});
