import { describe, expect, it } from 'vitest';
import {
  envoyContainerPort,
  envoyGatewayCertgen,
  envoyGatewayController,
  envoyGatewayNetworkAccess,
  envoyProxies,
} from './envoy-gateway-network-policies.ts';

const access = envoyGatewayNetworkAccess(['slipway-dev', 'slipway-staging']);
const spec = (name: string) => access.policies.find((policy) => policy.name === name)?.spec;
const monitoring = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
};
const tcp = (port: number | string) => ({ port, protocol: 'TCP' });

describe('envoyGatewayNetworkAccess', () => {
  it("admits anyone to the proxies' listener ports (443 and 80, shifted by 10000) and the scraper to metrics", () => {
    expect(spec('envoy-proxy-ingress')).toEqual({
      podSelector: { matchLabels: envoyProxies.podLabels },
      policyTypes: ['Ingress'],
      ingress: [{ ports: [tcp(10443), tcp(10080)] }, { from: [monitoring], ports: [tcp(19001)] }],
    });
  });

  it("lets the proxies reach each environment namespace's pods on their http port, and the controller's xDS port", () => {
    expect(spec('envoy-proxy-egress')).toEqual({
      podSelector: { matchLabels: envoyProxies.podLabels },
      policyTypes: ['Egress'],
      egress: [
        {
          to: [
            {
              namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'slipway-dev' } },
            },
          ],
          ports: [tcp('http')],
        },
        {
          to: [
            {
              namespaceSelector: {
                matchLabels: { 'kubernetes.io/metadata.name': 'slipway-staging' },
              },
            },
          ],
          ports: [tcp('http')],
        },
        {
          to: [{ podSelector: { matchLabels: envoyGatewayController.podLabels } }],
          ports: [tcp(18000)],
        },
      ],
    });
  });

  it('admits the proxies to the controller on xDS alone, the API server to its webhook port, the scraper to metrics', () => {
    expect(spec('envoy-gateway-ingress')).toEqual({
      podSelector: { matchLabels: envoyGatewayController.podLabels },
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ podSelector: { matchLabels: envoyProxies.podLabels } }],
          ports: [tcp(18000)],
        },
        { ports: [tcp(9443)] },
        { from: [monitoring], ports: [tcp(19001)] },
      ],
    });
  });

  it('lets the controller and the certgen job reach the API server, and no proxy', () => {
    expect(access.apiServerClients).toEqual([envoyGatewayController, envoyGatewayCertgen]);
  });

  it('lets the proxies reach nothing on the internet: no ipBlock in any allow', () => {
    expect(JSON.stringify(access.policies)).not.toContain('ipBlock');
  });

  it.each([
    [443, 10443],
    [80, 10080],
    [8443, 8443],
  ])('maps listener port %i to container port %i', (listener, container) => {
    expect(envoyContainerPort(listener)).toBe(container);
  });
});
