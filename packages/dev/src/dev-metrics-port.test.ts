import { describe, expect, it } from 'vitest';
import { metricsEndpoint } from '@slipway/platform-contract';
import { type ServiceManifestInput, serviceManifestSchema } from '@slipway/service-manifest';
import { devMetricsPort } from './dev-metrics-port.ts';

const manifest = (input: Partial<ServiceManifestInput> & { name: string; port: number }) =>
  serviceManifestSchema.parse(input);

describe('devMetricsPort', () => {
  it("gives the gateway the cluster's metrics port and each next port the next one", () => {
    const catalog = [
      manifest({ name: 'gateway', port: 3000 }),
      manifest({ name: 'orders', port: 3001 }),
    ];
    expect(catalog.map((service) => devMetricsPort(service, catalog))).toEqual([
      metricsEndpoint.port,
      metricsEndpoint.port + 1,
    ]);
  });

  it('wraps past 65535 to the bottom of the manifest range, so a high port still gets one', () => {
    const high = manifest({ name: 'high', port: 65_000 });
    expect(devMetricsPort(high, [high])).toBe(65_000 + 6464 - 65_536 + 1024);
  });

  it("refuses a metrics port that is another service's port, naming both and the fix", () => {
    const orders = manifest({ name: 'orders', port: 3001 });
    const stats = manifest({ name: 'stats', port: 9465 });
    expect(() => devMetricsPort(orders, [orders, stats])).toThrow(
      'is 9465, the port of stats: give orders its own with --env METRICS_PORT=<port>',
    );
  });
});
