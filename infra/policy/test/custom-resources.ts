import type { KubernetesObject } from '../src/index.ts';

const metadata = { name: 'edge', namespace: 'slipway-dev' };

/** Custom resources as the platform program writes them; tests break one field at a time. */
export function validCustomResources(): KubernetesObject[] {
  return [
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'GatewayClass',
      metadata: { name: 'envoy-gateway' },
      spec: { controllerName: 'gateway.envoyproxy.io/gatewayclass-controller' },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { ...metadata, annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' } },
      spec: {
        gatewayClassName: 'envoy-gateway',
        listeners: [
          {
            name: 'https',
            protocol: 'HTTPS',
            port: 443,
            hostname: '*.dev.example.com',
            tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'edge-tls' }] },
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
          {
            name: 'http',
            protocol: 'HTTP',
            port: 80,
            allowedRoutes: { namespaces: { from: 'Same' } },
          },
        ],
      },
    },
    {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { ...metadata, name: 'https-redirect' },
      spec: {
        parentRefs: [{ name: 'edge', sectionName: 'http' }],
        rules: [
          {
            filters: [
              { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'ClientTrafficPolicy',
      metadata: { ...metadata, name: 'edge-https' },
      spec: {
        targetRefs: [
          {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            name: 'edge',
            sectionName: 'https',
          },
        ],
        tls: { minVersion: '1.2' },
        headers: {
          lateResponseHeaders: {
            set: [
              { name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'BackendTrafficPolicy',
      metadata: { ...metadata, name: 'https-redirect' },
      spec: {
        targetRefs: [
          { group: 'gateway.networking.k8s.io', kind: 'HTTPRoute', name: 'https-redirect' },
        ],
        timeout: { http: { requestTimeout: '15s', connectionIdleTimeout: '60s' } },
        retry: { numRetries: 2, retryOn: { triggers: ['connect-failure', 'reset'] } },
        circuitBreaker: {
          maxConnections: 1024,
          maxPendingRequests: 1024,
          maxParallelRequests: 1024,
        },
        rateLimit: {
          local: {
            rules: [
              {
                clientSelectors: [{ sourceCIDR: { type: 'Distinct', value: '0.0.0.0/0' } }],
                limit: { requests: 100, unit: 'Second' },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: 'letsencrypt' },
      spec: {
        acme: {
          server: 'https://acme-v02.api.letsencrypt.org/directory',
          email: 'platform@example.com',
          privateKeySecretRef: { name: 'letsencrypt-account-key' },
          solvers: [{ dns01: { route53: { region: 'eu-west-1' } } }],
        },
      },
    },
    {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: 'slipway-environments', namespace: 'velero' },
      spec: {
        schedule: '0 * * * *',
        template: { includedNamespaces: ['slipway-dev'], ttl: '720h0m0s' },
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: { name: 'slipway-services', namespace: 'slipway-dev' },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/part-of': 'slipway' } },
        namespaceSelector: { matchNames: ['slipway-dev'] },
        podMetricsEndpoints: [{ port: 'metrics', path: '/metrics' }],
      },
    },
    {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'orders', namespace: 'slipway-dev' },
      spec: {
        groups: [
          {
            name: 'orders-slo',
            rules: [
              {
                alert: 'OrdersErrorBudgetBurn',
                expr: 'slo:error_ratio:rate5m{service="orders"} > 14.4 * 0.001',
                for: '2m',
                labels: { severity: 'page' },
              },
            ],
          },
        ],
      },
    },
  ];
}

/** The valid custom resource of a kind, for a test to break. */
export function validCustomResource(kind: string): KubernetesObject {
  const found = validCustomResources().find((object) => object.kind === kind);
  if (!found) throw new Error(`no valid ${kind} among the custom resource fixtures`);
  return found;
}
