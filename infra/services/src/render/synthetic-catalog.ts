import type { PlatformOutputs } from '@slipway/infra-platform/outputs';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { resolveStackConfig, type StackConfig } from '../stack-config.ts';
import { fixturePlatformOutputs } from './fixture-platform-outputs.ts';

/** A generated catalog, a stack config that deploys it and the platform it deploys onto. */
export interface SyntheticCatalog {
  readonly manifests: ServiceManifestInput[];
  readonly config: StackConfig;
  readonly platform: PlatformOutputs;
}

/**
 * `count` services in a chain (`svc-0` is public and calls `svc-1`, which calls `svc-2`...),
 * each with a secret, an external egress and a database on an existing server (no cloud
 * resource, so the cost measured is the services program's own), so every kind of object is
 * rendered. The bench
 * renders 10 and 100 of them to show the cost grows linearly.
 * @example const { manifests, config, platform } = syntheticCatalog(100); await renderServices(manifests, config, platform);
 */
export function syntheticCatalog(count: number, stack = 'dev'): SyntheticCatalog {
  const name = (i: number) => `svc-${i}`;
  const manifests = Array.from(
    { length: count },
    (_, i): ServiceManifestInput => ({
      name: name(i),
      port: 10_000 + i,
      public: i === 0,
      calls: i + 1 < count ? [name(i + 1)] : [],
      calledBy: i > 0 ? [name(i - 1)] : [],
      egress: [{ name: 'payments', cidr: '203.0.113.0/24', ports: [443] }],
      config: { default: { LOG_LEVEL: 'info' }, dev: {}, staging: {}, prod: {} },
      secrets: ['PAYMENTS_API_KEY'],
      postgres: {},
    }),
  );
  const config = resolveStackConfig(stack, {
    images: Object.fromEntries(manifests.map((m) => [m.name, `ghcr.io/acme/${m.name}:1.0.0`])),
    secrets: Object.fromEntries(manifests.map((m) => [m.name, { PAYMENTS_API_KEY: 'synthetic' }])),
    dataServices: Object.fromEntries(
      manifests.map((m) => [
        m.name,
        { postgres: { url: 'postgres://synthetic', cidr: '10.0.20.0/24' } },
      ]),
    ),
  });
  return {
    manifests,
    config,
    platform: fixturePlatformOutputs({ [config.namespace]: 'bench.example.com' }),
  };
}
