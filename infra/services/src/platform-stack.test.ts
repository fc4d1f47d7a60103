import { describe, expect, it } from 'vitest';
import { platformOutputsFrom } from './platform-stack.ts';

const gateway = {
  domain: 'dev.example.com',
  parentRef: { name: 'public', namespace: 'slipway-dev', sectionName: 'https' },
  dataPlane: { namespace: 'envoy-gateway-system', podLabels: { proxy: 'public' } },
};

const monitoring = {
  namespace: 'monitoring',
  collectorPodLabels: { 'app.kubernetes.io/name': 'opentelemetry-collector' },
};

describe('platformOutputsFrom', () => {
  it('keeps the outputs that fit the agreement and drops those a stack does not export', () => {
    expect(
      platformOutputsFrom({
        namespaces: ['slipway-dev'],
        gateways: { 'slipway-dev': gateway },
        clusterIssuer: 'letsencrypt',
        backupSchedule: undefined,
        monitoring,
      }),
    ).toEqual({
      namespaces: ['slipway-dev'],
      gateways: { 'slipway-dev': gateway },
      clusterIssuer: 'letsencrypt',
      monitoring,
    });
  });

  it('accepts a platform with its gateway off', () => {
    expect(platformOutputsFrom({ namespaces: ['slipway-dev'] })).toEqual({
      namespaces: ['slipway-dev'],
    });
  });

  it.each([
    ['no namespaces', {}, "output 'namespaces' is not a list of namespace names"],
    [
      'a gateway without its data plane',
      { namespaces: [], gateways: { 'slipway-dev': { parentRef: gateway.parentRef } } },
      "output 'gateways' is not a map of namespace to",
    ],
    [
      'a gateway with a label that is no string',
      {
        namespaces: [],
        gateways: {
          'slipway-dev': { ...gateway, dataPlane: { namespace: 'x', podLabels: { a: 1 } } },
        },
      },
      "output 'gateways'",
    ],
    [
      'a gateway run by a controller it does not know',
      { namespaces: [], gateways: { 'slipway-dev': { ...gateway, controller: 'istio' } } },
      "controller?: 'envoy-gateway' | 'external'",
    ],
    [
      'a monitoring stack without collector labels',
      { namespaces: [], monitoring: { namespace: 'monitoring', collectorPodLabels: {} } },
      "output 'monitoring' is not a { namespace, collectorPodLabels }",
    ],
  ])('refuses %s, naming the output', (_, values, message) => {
    expect(() => platformOutputsFrom(values)).toThrow(message);
  });
});
