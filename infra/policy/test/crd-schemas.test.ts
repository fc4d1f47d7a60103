import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkObjectSet,
  crdSchemaIndex,
  hasKubernetesSchema,
  validateKubernetesObject,
} from '../src/index.ts';
import { validCustomResource, validCustomResources } from './custom-resources.ts';
import { setPath } from './set-path.ts';

describe('validateKubernetesObject on custom resources', () => {
  it.each(validCustomResources().map((o) => [o.kind, o] as const))(
    'accepts a valid %s against its published CRD schema',
    (_, obj) => {
      expect(hasKubernetesSchema(obj)).toBe(true);
      expect(validateKubernetesObject(obj)).toEqual([]);
    },
  );

  it('reports a misspelled Gateway field with its path', () => {
    const gateway = setPath(validCustomResource('Gateway'), 'spec.listeners.0.hostName', '*.x.io');
    expect(validateKubernetesObject(gateway)).toEqual([
      {
        rule: 'schema',
        object: 'Gateway/slipway-dev/edge',
        path: '/spec/listeners/0/hostName',
        message: 'is not a known field',
      },
    ]);
  });

  it('reports a Gateway listener port of the wrong type with its path', () => {
    const gateway = setPath(validCustomResource('Gateway'), 'spec.listeners.0.port', 'https');
    expect(validateKubernetesObject(gateway)).toContainEqual(
      expect.objectContaining({ path: '/spec/listeners/0/port', message: 'must be integer' }),
    );
  });

  it('reports a missing required field of a Gateway', () => {
    const gateway = setPath(validCustomResource('Gateway'), 'spec.gatewayClassName', undefined);
    expect(validateKubernetesObject(gateway)).toContainEqual(
      expect.objectContaining({
        path: '/spec',
        message: expect.stringContaining('gatewayClassName'),
      }),
    );
  });

  it('reports a redirect status code outside the enum with the allowed values', () => {
    const route = setPath(
      validCustomResource('HTTPRoute'),
      'spec.rules.0.filters.0.requestRedirect.statusCode',
      399,
    );
    const [violation] = validateKubernetesObject(route);
    expect(violation?.path).toBe('/spec/rules/0/filters/0/requestRedirect/statusCode');
    expect(violation?.message).toContain('301');
  });

  it('reports an unknown field of a ClusterIssuer solver', () => {
    const issuer = setPath(
      validCustomResource('ClusterIssuer'),
      'spec.acme.solvers.0.dns01.route53.regoin',
      'eu-west-1',
    );
    expect(validateKubernetesObject(issuer).map((v) => v.path)).toContain(
      '/spec/acme/solvers/0/dns01/route53/regoin',
    );
  });

  it('refuses a beta Gateway API version when the GA one exists', () => {
    const route = {
      ...validCustomResource('HTTPRoute'),
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
    };
    expect(validateKubernetesObject(route)).toEqual([
      expect.objectContaining({
        rule: 'api/not-stable',
        message: expect.stringContaining('gateway.networking.k8s.io/v1'),
      }),
    ]);
  });

  it('accepts a custom kind that only has an alpha version, such as EnvoyProxy', () => {
    const proxy = {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'EnvoyProxy',
      metadata: { name: 'proxy', namespace: 'envoy-gateway-system' },
      spec: { provider: { type: 'Kubernetes' } },
    };
    expect(validateKubernetesObject(proxy)).toEqual([]);
  });

  it('reports a PodMonitor endpoint that names its port with a misspelled field', () => {
    const monitor = setPath(
      validCustomResource('PodMonitor'),
      'spec.podMetricsEndpoints.0.portName',
      'metrics',
    );
    expect(validateKubernetesObject(monitor).map((v) => v.path)).toContain(
      '/spec/podMetricsEndpoints/0/portName',
    );
  });

  it('reports a PrometheusRule whose alert has no expression', () => {
    const rule = setPath(
      validCustomResource('PrometheusRule'),
      'spec.groups.0.rules.0.expr',
      undefined,
    );
    expect(validateKubernetesObject(rule)).toContainEqual(
      expect.objectContaining({
        path: '/spec/groups/0/rules/0',
        message: expect.stringContaining('expr'),
      }),
    );
  });

  it('still checks the metadata of custom resources', () => {
    const schedule = setPath(validCustomResource('Schedule'), 'metadata.name', 'Hourly_1');
    expect(validateKubernetesObject(schedule)).toEqual([
      expect.objectContaining({ rule: 'metadata/name' }),
    ]);
  });

  it('requires a namespaced custom resource to name its namespace', () => {
    const route = setPath(validCustomResource('HTTPRoute'), 'metadata.namespace', undefined);
    expect(checkObjectSet([route], { requireStandardLabels: false })).toEqual([
      expect.objectContaining({ rule: 'standards/namespace', object: 'HTTPRoute/https-redirect' }),
    ]);
  });
});

describe('the stored CRD schemas', () => {
  it('name the module version each was taken from', () => {
    expect(Object.keys(crdSchemaIndex.sources).sort()).toEqual([
      'github.com/cert-manager/cert-manager',
      'github.com/envoyproxy/gateway',
      'github.com/prometheus-operator/prometheus-operator',
      'github.com/sigstore/policy-controller',
      'github.com/vmware-tanzu/velero',
      'sigs.k8s.io/gateway-api',
    ]);
    for (const version of Object.values(crdSchemaIndex.sources)) {
      expect(version).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });

  it.each([
    'gateway.networking.k8s.io/v1/Gateway',
    'gateway.networking.k8s.io/v1/HTTPRoute',
    'gateway.networking.k8s.io/v1/GatewayClass',
    'gateway.envoyproxy.io/v1alpha1/EnvoyProxy',
    'cert-manager.io/v1/ClusterIssuer',
    'cert-manager.io/v1/Certificate',
    'velero.io/v1/Schedule',
    'velero.io/v1/BackupStorageLocation',
    'velero.io/v1/VolumeSnapshotLocation',
    'monitoring.coreos.com/v1/PodMonitor',
    'monitoring.coreos.com/v1/ServiceMonitor',
    'monitoring.coreos.com/v1/PrometheusRule',
    'policy.sigstore.dev/v1beta1/ClusterImagePolicy',
  ])('include %s, whose file exists', (kind) => {
    const entry = crdSchemaIndex.kinds[kind];
    expect(entry).toBeDefined();
    expect(existsSync(new URL(`../crd-schemas/${entry?.file}`, import.meta.url))).toBe(true);
  });
});

describe('checkObjectSet on Gateway API objects', () => {
  const gatewaySet = () =>
    validCustomResources().filter((o) => ['Gateway', 'HTTPRoute'].includes(o.kind));
  const rules = (objects: readonly object[]) =>
    checkObjectSet(objects, { requireStandardLabels: false }).map(
      (v) => `${v.rule} ${v.object}${v.path}`,
    );

  it('accepts a Gateway whose HTTP listener only redirects to HTTPS', () => {
    expect(rules(gatewaySet())).toEqual([]);
  });

  it('refuses a route that serves plain HTTP by attaching to the HTTP listener', () => {
    const route = setPath(validCustomResource('HTTPRoute'), 'spec.rules.0.filters', []);
    expect(rules([validCustomResource('Gateway'), route])).toEqual([
      'standards/gateway-http-redirect HTTPRoute/slipway-dev/https-redirect/spec/parentRefs/0',
    ]);
  });

  it('refuses a route naming no listener, which attaches to the HTTP one too', () => {
    const route = setPath(
      validCustomResource('HTTPRoute'),
      'spec.parentRefs.0.sectionName',
      undefined,
    );
    setPath(route, 'spec.rules.0.filters', []);
    expect(rules([validCustomResource('Gateway'), route])).toHaveLength(1);
  });

  it('accepts a service route on the HTTPS listener', () => {
    const route = setPath(
      validCustomResource('HTTPRoute'),
      'spec.parentRefs.0.sectionName',
      'https',
    );
    setPath(route, 'spec.rules.0.filters', []);
    expect(rules([validCustomResource('Gateway'), route])).toEqual([]);
  });

  it('refuses an HTTPS listener without a certificate', () => {
    const gateway = setPath(
      validCustomResource('Gateway'),
      'spec.listeners.0.tls.certificateRefs',
      [],
    );
    expect(rules([gateway])).toEqual([
      'standards/gateway-tls Gateway/slipway-dev/edge/spec/listeners/0/tls',
    ]);
  });
});
