import { describe, expect, it } from 'vitest';
import {
  type EndpointSliceObject,
  type NodeObject,
  type ServiceObject,
  serviceNodePortUrl,
} from './gateway-node-port.ts';

const service = (ports: ServiceObject['spec']['ports']): ServiceObject => ({
  metadata: { name: 'envoy-public', namespace: 'envoy-gateway-system' },
  spec: { type: 'LoadBalancer', externalTrafficPolicy: 'Local', ports },
});

const node = (name: string, ip: string): NodeObject => ({
  metadata: { name },
  status: {
    addresses: [
      { type: 'Hostname', address: name },
      { type: 'InternalIP', address: ip },
    ],
  },
});

const nodes = [
  node('slipway-e2e-worker', '10.0.20.3'),
  node('slipway-e2e-worker2', '10.0.20.4'),
  node('slipway-e2e-worker3', '10.0.20.5'),
];

const slice = (
  ...endpoints: NonNullable<EndpointSliceObject['endpoints']>
): EndpointSliceObject => ({
  metadata: { name: 'envoy-public-x1' },
  endpoints,
});

const https = [
  { port: 80, nodePort: 30080 },
  { port: 443, nodePort: 31443 },
];

describe('serviceNodePortUrl', () => {
  it('goes to the HTTPS node port of a node that runs a ready proxy (externalTrafficPolicy: Local)', () => {
    const slices = [
      slice(
        { nodeName: 'slipway-e2e-worker', conditions: { ready: false } },
        { nodeName: 'slipway-e2e-worker3', conditions: { ready: true } },
      ),
    ];
    expect(serviceNodePortUrl(service(https), slices, nodes)).toBe('https://10.0.20.5:31443');
  });

  it('names a Service without a node port', () => {
    expect(() =>
      serviceNodePortUrl(
        service([{ port: 443 }]),
        [slice({ nodeName: 'slipway-e2e-worker' })],
        nodes,
      ),
    ).toThrow('Service envoy-gateway-system/envoy-public port 443 has no node port');
  });

  it('names a Service with no ready proxy', () => {
    expect(() =>
      serviceNodePortUrl(
        service(https),
        [slice({ nodeName: 'slipway-e2e-worker', conditions: { ready: false } })],
        nodes,
      ),
    ).toThrow('has no ready proxy endpoint on any node');
  });

  it('names a Service without the HTTPS port', () => {
    expect(() => serviceNodePortUrl(service([{ port: 80, nodePort: 30080 }]), [], nodes)).toThrow(
      'has no port 443',
    );
  });
});
