import { describe, expect, it } from 'vitest';
import { callPolicyDefaults } from '@slipway/platform-contract';
import { fixtureGateway } from '../src/render/fixture-platform-outputs.ts';
import {
  configFor,
  exampleManifests,
  examplePair,
  find,
  manifest,
  renderObjects,
} from './fixtures.ts';

const examples = await renderObjects(exampleManifests());

describe('the ConfigMap of a service', () => {
  it("holds the manifest's config for the stack plus the platform's variables", async () => {
    const pair = await renderObjects(examplePair());
    const gateway = find(pair, 'ConfigMap', 'gateway').data;
    expect(gateway).toEqual({
      LOG_LEVEL: 'debug',
      METRICS_PORT: '9464',
      NODE_ENV: 'production',
      ORDERS_CALL_POLICY: JSON.stringify(callPolicyDefaults),
      ORDERS_URL: 'http://orders.slipway-dev.svc.cluster.local:3001',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel-collector.monitoring.svc.cluster.local:4318',
      OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=dev,service.version=1.4.2',
      OTEL_SERVICE_NAME: 'gateway',
      PORT: '3000',
      SERVICE_NAME: 'gateway',
      SHUTDOWN_DRAIN_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    // Services added under apps/ since may add their URLs, never change these.
    expect(find(examples, 'ConfigMap', 'gateway').data).toMatchObject(gateway);
  });

  it("sets each callee's call policy from the caller's calls entry, over the defaults", async () => {
    const objects = await renderObjects([
      manifest('shop', { calls: [{ service: 'stock', timeoutMs: 1_500 }] }),
      manifest('stock', { calledBy: ['shop'] }),
    ]);
    const policy: unknown = JSON.parse(find(objects, 'ConfigMap', 'shop').data.STOCK_CALL_POLICY);
    expect(policy).toEqual({ ...callPolicyDefaults, timeoutMs: 1_500 });
  });

  it('takes the values of the environment the stack deploys', async () => {
    const manifests = exampleManifests();
    const staging = await renderObjects(manifests, configFor(manifests, {}, 'staging'));
    expect(find(staging, 'ConfigMap', 'orders').data.LOG_LEVEL).toBe('info');
    expect(find(staging, 'ConfigMap', 'gateway').data.ORDERS_URL).toBe(
      'http://orders.slipway-staging.svc.cluster.local:3001',
    );
  });

  it('uses the manifest section named by the environment setting when the stack has another name', async () => {
    const manifests = exampleManifests();
    const objects = await renderObjects(
      manifests,
      configFor(manifests, { environment: 'staging' }, 'prod-eu'),
    );
    expect(find(objects, 'ConfigMap', 'orders').data.LOG_LEVEL).toBe('info');
    expect(find(objects, 'ConfigMap', 'orders').metadata.namespace).toBe('slipway-prod-eu');
  });
});

describe('the Service of a service', () => {
  it('is a ClusterIP Service on the manifest port whose selector matches the pods and targets the named port', () => {
    const service = find(examples, 'Service', 'orders');
    expect(service.spec).toEqual({
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders-dev' },
      ports: [{ name: 'http', port: 3001, targetPort: 'http', protocol: 'TCP' }],
    });
    const podLabels = find(examples, 'Deployment', 'orders').spec.template.metadata.labels;
    expect(podLabels).toMatchObject(service.spec.selector);
  });
});

describe('the HorizontalPodAutoscaler of a service', () => {
  it("is autoscaling/v2, scales the Deployment between the manifest min and dev's capped max on its CPU target", () => {
    const hpa = find(examples, 'HorizontalPodAutoscaler', 'gateway');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'gateway',
    });
    // The manifest says 2..10; the examples render on dev, whose profile caps the max at 3.
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.maxReplicas).toBe(3);
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
      },
    ]);
  });

  it('adds a memory target only when the manifest sets one', async () => {
    const m = manifest('ledger', {
      autoscaling: { cpuUtilization: 60, memoryUtilization: 75 },
      replicas: { min: 3, max: 9 },
    });
    const hpa = find(await renderObjects([m]), 'HorizontalPodAutoscaler', 'ledger');
    expect(hpa.spec.metrics).toEqual([
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } },
      },
      {
        type: 'Resource',
        resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 75 } },
      },
    ]);
    // On dev a minimum at the cap keeps one replica of room to scale.
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 4]);
  });

  it('stabilizes scale-down over five minutes', () => {
    const hpa = find(examples, 'HorizontalPodAutoscaler', 'orders');
    expect(hpa.spec.behavior.scaleDown.stabilizationWindowSeconds).toBe(300);
  });
});

describe('the PodDisruptionBudget of a service', () => {
  it('lets one pod go at a time, below the HPA minimum, and always evicts unhealthy pods', () => {
    const pdb = find(examples, 'PodDisruptionBudget', 'orders');
    expect(pdb.spec).toEqual({
      maxUnavailable: 1,
      selector: {
        matchLabels: {
          'app.kubernetes.io/name': 'orders',
          'app.kubernetes.io/instance': 'orders-dev',
        },
      },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
    expect(
      find(examples, 'HorizontalPodAutoscaler', 'orders').spec.minReplicas -
        pdb.spec.maxUnavailable,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('the HTTPRoute of a public service', () => {
  it('routes <service>.<domain> on the environment gateway to the Service port, idempotent methods apart', () => {
    const route = find(examples, 'HTTPRoute', 'gateway');
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata.namespace).toBe('slipway-dev');
    const everyPath = { path: { type: 'PathPrefix', value: '/' } };
    const backendRefs = [{ name: 'gateway', port: 3000 }];
    // The deadline header is the platform's services' own: the internet's is dropped.
    const filters = [
      {
        type: 'RequestHeaderModifier',
        requestHeaderModifier: { remove: ['x-request-deadline-ms'] },
      },
    ];
    expect(route.spec).toEqual({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          ...fixtureGateway('slipway-dev', 'dev.example.com').parentRef,
        },
      ],
      hostnames: ['gateway.dev.example.com'],
      rules: [
        {
          name: 'idempotent',
          matches: ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'].map((method) => ({
            ...everyPath,
            method,
          })),
          filters,
          backendRefs,
        },
        { name: 'other', matches: [everyPath], filters, backendRefs },
      ],
    });
  });

  it('gets a traffic policy on each of its rules, in its namespace', () => {
    for (const rule of ['idempotent', 'other']) {
      const policy = find(examples, 'BackendTrafficPolicy', `gateway-${rule}`);
      expect(policy.apiVersion).toBe('gateway.envoyproxy.io/v1alpha1');
      expect(policy.metadata.namespace).toBe('slipway-dev');
      expect(policy.spec.targetRefs).toEqual([
        {
          group: 'gateway.networking.k8s.io',
          kind: 'HTTPRoute',
          name: 'gateway',
          sectionName: rule,
        },
      ]);
    }
  });

  it('gets no traffic policy when a cloud controller runs the gateway', async () => {
    const manifests = exampleManifests();
    const objects = await renderObjects(manifests, configFor(manifests), {
      namespaces: ['slipway-dev'],
      gateways: {
        'slipway-dev': {
          ...fixtureGateway('slipway-dev', 'dev.example.com'),
          controller: 'external',
        },
      },
    });
    expect(objects.some((o) => o.kind === 'HTTPRoute')).toBe(true);
    expect(objects.some((o) => o.kind === 'BackendTrafficPolicy')).toBe(false);
  });

  it('carries no certificate annotation: certificates live at the Gateway', () => {
    expect(find(examples, 'HTTPRoute', 'gateway').metadata.annotations).toBeUndefined();
    expect(examples.some((o) => o.kind === 'Ingress')).toBe(false);
  });

  it("takes the parent from the platform's gateway for the stack namespace", async () => {
    const manifests = exampleManifests();
    const config = configFor(manifests, {}, 'staging');
    const objects = await renderObjects(manifests, config, {
      namespaces: ['slipway-staging'],
      gateways: {
        'slipway-dev': fixtureGateway('slipway-dev', 'dev.example.com'),
        'slipway-staging': {
          domain: 'staging.example.com',
          parentRef: { name: 'edge', namespace: 'slipway-staging', sectionName: 'https' },
          dataPlane: { namespace: 'gateway-proxies', podLabels: { proxy: 'edge' } },
        },
      },
    });
    const route = find(objects, 'HTTPRoute', 'gateway');
    expect(route.spec.parentRefs[0]).toMatchObject({ name: 'edge', namespace: 'slipway-staging' });
    // The host is under the domain that environment's gateway answers, never another's.
    expect(route.spec.hostnames).toEqual(['gateway.staging.example.com']);
  });

  it('does not exist for internal services', () => {
    expect(examples.some((o) => o.kind === 'HTTPRoute' && o.metadata.name === 'orders')).toBe(
      false,
    );
  });
});
