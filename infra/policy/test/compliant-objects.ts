import type { KubernetesObject } from '../src/index.ts';

const labels = {
  'app.kubernetes.io/name': 'orders',
  'app.kubernetes.io/instance': 'orders-dev',
  'app.kubernetes.io/version': 'v1.2.3',
  'app.kubernetes.io/component': 'api',
  'app.kubernetes.io/part-of': 'slipway',
  'app.kubernetes.io/managed-by': 'pulumi',
};
const selector = { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders-dev' };
const metadata = { name: 'orders', namespace: 'slipway-dev', labels };

/** A workload set that passes every check; tests break one field at a time. */
export function compliantObjects(): KubernetesObject[] {
  const probe = (path: string) => ({ httpGet: { path, port: 'http' }, periodSeconds: 10 });
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'slipway-dev',
        labels: {
          ...labels,
          'pod-security.kubernetes.io/enforce': 'restricted',
          'pod-security.kubernetes.io/enforce-version': 'v1.33',
          'pod-security.kubernetes.io/audit': 'restricted',
          'pod-security.kubernetes.io/audit-version': 'v1.33',
          'pod-security.kubernetes.io/warn': 'restricted',
          'pod-security.kubernetes.io/warn-version': 'v1.33',
        },
      },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata,
      spec: {
        selector: { matchLabels: selector },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: 'orders',
            automountServiceAccountToken: false,
            terminationGracePeriodSeconds: 45,
            securityContext: {
              runAsNonRoot: true,
              runAsUser: 10001,
              runAsGroup: 10001,
              fsGroup: 10001,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: selector },
                nodeTaintsPolicy: 'Honor',
              },
              {
                maxSkew: 1,
                topologyKey: 'kubernetes.io/hostname',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: selector },
                nodeTaintsPolicy: 'Honor',
              },
            ],
            volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '192Mi' } }],
            containers: [
              {
                name: 'orders',
                image: 'ghcr.io/acme/orders:v1.2.3',
                ports: [{ name: 'http', containerPort: 3001 }],
                resources: {
                  requests: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '64Mi' },
                  limits: { memory: '256Mi', 'ephemeral-storage': '256Mi' },
                },
                livenessProbe: probe('/livez'),
                readinessProbe: probe('/readyz'),
                startupProbe: probe('/startupz'),
                lifecycle: { preStop: { sleep: { seconds: 5 } } },
                securityContext: {
                  allowPrivilegeEscalation: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                },
                volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: {
        type: 'ClusterIP',
        selector,
        ports: [{ name: 'http', port: 3001, targetPort: 'http' }],
      },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'orders' },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
          },
        ],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata,
      spec: {
        maxUnavailable: 1,
        selector: { matchLabels: selector },
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: {
        podSelector: { matchLabels: selector },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [],
        egress: [],
      },
    },
  ];
}

/** A deep copy of one compliant object by kind, to break in a test. */
export function compliant(kind: string): KubernetesObject & Record<string, unknown> {
  const found = compliantObjects().find((o) => o.kind === kind);
  if (!found) throw new Error(`no compliant ${kind}`);
  return structuredClone(found) as KubernetesObject & Record<string, unknown>;
}
