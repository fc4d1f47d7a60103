import { describe, expect, it } from 'vitest';
import { crdSchemaIndex } from '@slipway/infra-policy';
import { crdSchemaSources, envoyGatewayChart, envoyGatewayCrdsChart } from '../src/versions.ts';

describe('pinned versions', () => {
  it('are the versions the stored CRD schemas were taken from', () => {
    expect(crdSchemaIndex.sources).toEqual(crdSchemaSources);
  });

  it('install Envoy Gateway and its CRDs from the same release', () => {
    expect(envoyGatewayCrdsChart.version).toBe(envoyGatewayChart.version);
  });

  it('store a schema for every custom resource kind the platform writes', () => {
    for (const kind of [
      'gateway.networking.k8s.io/v1/Gateway',
      'gateway.networking.k8s.io/v1/HTTPRoute',
      'gateway.networking.k8s.io/v1/GatewayClass',
      'gateway.envoyproxy.io/v1alpha1/EnvoyProxy',
      'cert-manager.io/v1/ClusterIssuer',
      'velero.io/v1/Schedule',
      'monitoring.coreos.com/v1/PodMonitor',
      'monitoring.coreos.com/v1/PrometheusRule',
    ]) {
      expect(crdSchemaIndex.kinds[kind]?.source, kind).toBeDefined();
    }
  });
});
