import { describe, expect, it } from 'vitest';
import { apiServerEgressRule, apiServerEndpointsOf } from './api-server-endpoints.ts';

describe('apiServerEndpointsOf', () => {
  it("reads every endpoint's addresses, once each, and the https port", () => {
    expect(
      apiServerEndpointsOf({
        endpoints: [{ addresses: ['10.0.1.5'] }, { addresses: ['10.0.0.5', '10.0.1.5'] }],
        ports: [{ name: 'https', port: 443 }],
      }),
    ).toEqual({ addresses: ['10.0.0.5', '10.0.1.5'], port: 443 });
  });

  it('takes the only port when it has no name (6443 on a kubeadm-style cluster)', () => {
    expect(
      apiServerEndpointsOf({ endpoints: [{ addresses: ['172.18.0.2'] }], ports: [{ port: 6443 }] }),
    ).toEqual({ addresses: ['172.18.0.2'], port: 6443 });
  });

  it.each([
    ['no address', { endpoints: [], ports: [{ name: 'https', port: 443 }] }],
    ['no port', { endpoints: [{ addresses: ['10.0.0.5'] }], ports: [] }],
    ['nothing', {}],
  ])('fails on a slice with %s rather than cut the add-ons off the API server', (_, slice) => {
    expect(() => apiServerEndpointsOf(slice)).toThrow('default/kubernetes EndpointSlice');
  });
});

describe('apiServerEgressRule', () => {
  it('allows each address alone (/32, IPv6 /128) on the endpoint port, TCP', () => {
    expect(apiServerEgressRule({ addresses: ['10.0.0.5', 'fd00::5'], port: 443 })).toEqual({
      to: [{ ipBlock: { cidr: '10.0.0.5/32' } }, { ipBlock: { cidr: 'fd00::5/128' } }],
      ports: [{ port: 443, protocol: 'TCP' }],
    });
  });
});
