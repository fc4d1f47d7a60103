import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import type { Environment, ServiceManifest } from '@slipway/service-manifest';
import { selectorLabels, standardLabels } from './labels.js';
import { egressPolicySpec, ingressPolicySpec } from './network-policy-specs.js';
import {
  buildServiceConfig,
  type Callee,
  configChecksum,
  secretMountPath,
  serviceUrl,
} from './service-environment.js';
import { defaultPreStopSeconds, shutdownTiming } from './shutdown-timing.js';

/** The uid and gid the container runs as: non-root and above the host's user range. */
export const runAsId = 10001;

/** Arguments of {@link Microservice}. */
export interface MicroserviceArgs {
  /** The validated service manifest (`apps/<name>/service.yaml`); required. */
  readonly manifest: ServiceManifest;
  /** The environment whose `config` section applies; required. */
  readonly environment: Environment;
  /** The environment namespace, created by the platform program; required, never `default`. */
  readonly namespace: string;
  /** The container image, pinned by digest or an immutable tag; required. */
  readonly image: string;
  /** Secret values by name, one per `manifest.secrets` entry; default: none. */
  readonly secrets?: Readonly<Record<string, pulumi.Input<string>>>;
  /** The services this one calls, with their ports; default: none. */
  readonly callees?: readonly Callee[];
  /** The Ingress host of a public service, such as `gateway.example.com`; required when public. */
  readonly host?: string;
  /** IngressClass of the ingress controller; default: `nginx`. */
  readonly ingressClassName?: string;
  /** Namespace of the ingress controller, allowed to reach public services; default: `ingress-nginx`. */
  readonly ingressNamespace?: string;
  /** cert-manager ClusterIssuer that signs the Ingress certificate; default: `letsencrypt`. */
  readonly clusterIssuer?: string;
  /** Seconds the preStop hook sleeps before SIGTERM; default: 5. */
  readonly preStopSeconds?: number;
}

/**
 * One service of the catalog on Kubernetes: ServiceAccount, ConfigMap, Secret, Deployment,
 * Service, HorizontalPodAutoscaler, PodDisruptionBudget, NetworkPolicies and, when public,
 * an Ingress with a cert-manager certificate. See docs/deploying.md for every choice.
 * @example new Microservice('orders', { manifest, environment: 'dev', namespace: 'slipway-dev', image }, { providers: [provider] });
 */
export class Microservice extends pulumi.ComponentResource {
  /** In-cluster base URL, the value callers get as `<NAME>_URL`. */
  readonly url: pulumi.Output<string>;
  /** Public URL of a public service, else undefined. */
  readonly publicUrl: pulumi.Output<string | undefined>;
  /** Every Kubernetes resource of the service, in apply order. */
  readonly resources: readonly pulumi.CustomResource[];

  constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
    super('slipway:services:Microservice', name, {}, opts);
    const {
      manifest,
      environment,
      namespace,
      image,
      secrets = {},
      callees = [],
      host,
      ingressClassName = 'nginx',
      ingressNamespace = 'ingress-nginx',
      clusterIssuer = 'letsencrypt',
      preStopSeconds = defaultPreStopSeconds,
    } = args;
    const service = manifest.name;
    const labels = standardLabels({ name: service, environment, image, public: manifest.public });
    const selector = selectorLabels(service, environment);
    const metadata = { name: service, namespace, labels };
    const child = { parent: this };
    const timing = shutdownTiming(manifest.shutdown, preStopSeconds);
    const configData = buildServiceConfig({ manifest, environment, namespace, callees, timing });
    const resources: pulumi.CustomResource[] = [];

    resources.push(
      new k8s.core.v1.ServiceAccount(
        `${name}-service-account`,
        { metadata, automountServiceAccountToken: false },
        child,
      ),
    );
    const configMap = new k8s.core.v1.ConfigMap(
      `${name}-config`,
      { metadata, data: configData },
      child,
    );
    resources.push(configMap);

    const hasSecrets = manifest.secrets.length > 0;
    if (hasSecrets) {
      resources.push(
        new k8s.core.v1.Secret(
          `${name}-secrets`,
          {
            metadata,
            type: 'Opaque',
            // pulumi.secret keeps each value encrypted in state and masked in every output.
            stringData: Object.fromEntries(
              manifest.secrets.map((key) => [key, pulumi.secret(secrets[key] ?? '')]),
            ),
          },
          child,
        ),
      );
    }

    const probe = (path: string, periodSeconds: number, failureThreshold: number) => ({
      httpGet: { path, port: 'http' },
      periodSeconds,
      failureThreshold,
      timeoutSeconds: 2,
    });
    const { requests, limits } = manifest.resources;
    resources.push(
      new k8s.apps.v1.Deployment(
        `${name}-deployment`,
        {
          metadata,
          spec: {
            // No replicas: the HPA owns the count; a value here would reset it on every deploy.
            selector: { matchLabels: selector },
            revisionHistoryLimit: 5,
            strategy: {
              type: 'RollingUpdate',
              rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' },
            },
            template: {
              metadata: { labels, annotations: { 'checksum/config': configChecksum(configData) } },
              spec: {
                serviceAccountName: service,
                automountServiceAccountToken: false,
                enableServiceLinks: false,
                terminationGracePeriodSeconds: timing.terminationGracePeriodSeconds,
                securityContext: {
                  runAsNonRoot: true,
                  runAsUser: runAsId,
                  runAsGroup: runAsId,
                  fsGroup: runAsId,
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                topologySpreadConstraints: [
                  'topology.kubernetes.io/zone',
                  'kubernetes.io/hostname',
                ].map((topologyKey) => ({
                  maxSkew: 1,
                  topologyKey,
                  whenUnsatisfiable: 'ScheduleAnyway',
                  labelSelector: { matchLabels: selector },
                  matchLabelKeys: ['pod-template-hash'],
                })),
                volumes: [
                  { name: 'tmp', emptyDir: { sizeLimit: limits.ephemeralStorage } },
                  ...(hasSecrets
                    ? [{ name: 'secrets', secret: { secretName: service, defaultMode: 0o440 } }]
                    : []),
                ],
                containers: [
                  {
                    name: service,
                    image,
                    imagePullPolicy: 'IfNotPresent',
                    ports: [{ name: 'http', containerPort: manifest.port, protocol: 'TCP' }],
                    envFrom: [{ configMapRef: { name: service } }],
                    resources: {
                      requests: {
                        cpu: requests.cpu,
                        memory: requests.memory,
                        'ephemeral-storage': requests.ephemeralStorage,
                      },
                      // A CPU limit only when the manifest asks: throttling hurts latency while the HPA scales on requests.
                      limits: {
                        ...(limits.cpu ? { cpu: limits.cpu } : {}),
                        memory: limits.memory,
                        'ephemeral-storage': limits.ephemeralStorage,
                      },
                    },
                    startupProbe: probe('/startupz', 2, 30),
                    readinessProbe: probe('/readyz', 5, 2),
                    livenessProbe: probe('/livez', 10, 3),
                    // The sleep action needs no shell or sleep binary in the (distroless) image.
                    lifecycle: { preStop: { sleep: { seconds: timing.preStopSeconds } } },
                    securityContext: {
                      allowPrivilegeEscalation: false,
                      privileged: false,
                      readOnlyRootFilesystem: true,
                      runAsNonRoot: true,
                      runAsUser: runAsId,
                      runAsGroup: runAsId,
                      capabilities: { drop: ['ALL'] },
                    },
                    volumeMounts: [
                      { name: 'tmp', mountPath: '/tmp' },
                      ...(hasSecrets
                        ? [{ name: 'secrets', mountPath: secretMountPath, readOnly: true }]
                        : []),
                    ],
                  },
                ],
              },
            },
          },
        },
        child,
      ),
    );

    resources.push(
      new k8s.core.v1.Service(
        `${name}-service`,
        {
          metadata,
          spec: {
            type: 'ClusterIP',
            selector,
            ports: [{ name: 'http', port: manifest.port, targetPort: 'http', protocol: 'TCP' }],
          },
        },
        child,
      ),
    );

    const { cpuUtilization, memoryUtilization } = manifest.autoscaling;
    const utilization = (resource: string, averageUtilization: number) => ({
      type: 'Resource',
      resource: { name: resource, target: { type: 'Utilization', averageUtilization } },
    });
    resources.push(
      new k8s.autoscaling.v2.HorizontalPodAutoscaler(
        `${name}-autoscaler`,
        {
          metadata,
          spec: {
            scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: service },
            minReplicas: manifest.replicas.min,
            maxReplicas: manifest.replicas.max,
            metrics: [
              utilization('cpu', cpuUtilization),
              ...(memoryUtilization ? [utilization('memory', memoryUtilization)] : []),
            ],
            behavior: {
              // Scale down slowly (one pod a minute after 5 minutes of low load) to avoid flapping.
              scaleDown: {
                stabilizationWindowSeconds: 300,
                policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }],
              },
            },
          },
        },
        child,
      ),
    );

    resources.push(
      new k8s.policy.v1.PodDisruptionBudget(
        `${name}-disruption-budget`,
        {
          metadata,
          spec: {
            // One pod at a time stays below the HPA minimum (≥ 2), so a node drain always proceeds.
            maxUnavailable: 1,
            selector: { matchLabels: selector },
            unhealthyPodEvictionPolicy: 'AlwaysAllow',
          },
        },
        child,
      ),
    );

    const policyInput = { manifest, environment, callees, ingressNamespace };
    resources.push(
      new k8s.networking.v1.NetworkPolicy(
        `${name}-ingress-policy`,
        {
          metadata: { ...metadata, name: `${service}-ingress` },
          spec: ingressPolicySpec(policyInput),
        },
        child,
      ),
      new k8s.networking.v1.NetworkPolicy(
        `${name}-egress-policy`,
        {
          metadata: { ...metadata, name: `${service}-egress` },
          spec: egressPolicySpec(policyInput),
        },
        child,
      ),
    );

    if (manifest.public && host) {
      resources.push(
        new k8s.networking.v1.Ingress(
          `${name}-ingress`,
          {
            metadata: {
              ...metadata,
              annotations: {
                'cert-manager.io/cluster-issuer': clusterIssuer,
                // Let the controller wait as long as the service's longest request.
                'nginx.ingress.kubernetes.io/proxy-read-timeout': String(
                  manifest.shutdown.maxRequestSeconds,
                ),
                'nginx.ingress.kubernetes.io/proxy-send-timeout': String(
                  manifest.shutdown.maxRequestSeconds,
                ),
              },
            },
            spec: {
              ingressClassName,
              tls: [{ hosts: [host], secretName: `${service}-tls` }],
              rules: [
                {
                  host,
                  http: {
                    paths: [
                      {
                        path: '/',
                        pathType: 'Prefix',
                        backend: { service: { name: service, port: { name: 'http' } } },
                      },
                    ],
                  },
                },
              ],
            },
          },
          child,
        ),
      );
    }

    this.resources = resources;
    this.url = pulumi.output(serviceUrl(service, namespace, manifest.port));
    this.publicUrl = pulumi.output(manifest.public && host ? `https://${host}` : undefined);
    this.registerOutputs({ url: this.url, publicUrl: this.publicUrl });
  }
}
