import type * as k8s from '@pulumi/kubernetes';
import {
  metricsEndpoint,
  secretMountPath,
  serverPaths,
  servicePortName,
} from '@slipway/platform-contract';
import {
  type Environment,
  environmentProfiles,
  type ServiceManifest,
  tmpVolumeSizeLimit,
} from '@slipway/service-manifest';
import { selectorLabels } from './labels.ts';
import type { ShutdownTiming } from './shutdown-timing.ts';

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type Probe = k8s.types.input.core.v1.Probe;
type TopologySpreadConstraint = k8s.types.input.core.v1.TopologySpreadConstraint;

/** The uid and gid the container runs as: non-root and above the host's user range. */
export const runAsId = 10001;

/**
 * The pod annotations Prometheus's `kubernetes_sd_configs` conventions read to find a pod's
 * metrics: the metrics port, never the API's (see `metricsEndpoint`).
 */
export const scrapeAnnotations = {
  'prometheus.io/scrape': 'true',
  'prometheus.io/port': String(metricsEndpoint.port),
  'prometheus.io/path': metricsEndpoint.path,
} as const;

/** What {@link deploymentSpec} derives a Deployment from. */
export interface DeploymentSpecInput {
  readonly manifest: ServiceManifest;
  /** Names the pods' selector and picks the zone spread of its profile (`environmentProfiles`). */
  readonly environment: Environment;
  /** The image exactly as configured (`repo:tag@sha256:…`, `repo@sha256:…` or `repo:tag`). */
  readonly image: string;
  /** The service's standard labels, also the pod template's: nothing deploy-specific. */
  readonly labels: Readonly<Record<string, string>>;
  /** SHA-256 of the ConfigMap data, so a config change (and only that) rolls the pods. */
  readonly configChecksum: string;
  readonly timing: ShutdownTiming;
  /** Extra pod labels a workload identity needs (Azure's webhook opt-in); default: none. */
  readonly podLabels?: Readonly<Record<string, string>>;
  /** Whether the service's Secret is mounted (it has secrets or data services); default: when the manifest lists secrets. */
  readonly mountsSecrets?: boolean;
}

function probe(path: string, periodSeconds: number, failureThreshold: number): Probe {
  return {
    httpGet: { path, port: servicePortName },
    periodSeconds,
    failureThreshold,
    timeoutSeconds: 2,
  };
}

/**
 * Spreads the pods over zones as the environment's profile says (prod refuses to schedule a pod
 * that would unbalance them), and over nodes as evenly as they allow. Both honour node taints
 * and affinity: a node the pod may not run on is no domain to balance over.
 */
function topologySpread(
  selector: Readonly<Record<string, string>>,
  environment: Environment,
): TopologySpreadConstraint[] {
  const common = {
    maxSkew: 1,
    labelSelector: { matchLabels: { ...selector } },
    matchLabelKeys: ['pod-template-hash'],
    nodeAffinityPolicy: 'Honor',
    nodeTaintsPolicy: 'Honor',
  };
  return [
    {
      ...common,
      topologyKey: 'topology.kubernetes.io/zone',
      ...environmentProfiles[environment].zoneSpread,
    },
    { ...common, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'ScheduleAnyway' },
  ];
}

/**
 * The Deployment of a service. The pod template holds only what the manifest, the config and
 * the image determine, so an unchanged service renders a byte-identical template deploy after
 * deploy and Kubernetes leaves its pods alone.
 * @example deploymentSpec({ manifest, environment: 'dev', image, labels, configChecksum, timing })
 */
export function deploymentSpec({
  manifest,
  environment,
  image,
  labels,
  configChecksum,
  timing,
  podLabels = {},
  mountsSecrets = manifest.secrets.length > 0,
}: DeploymentSpecInput): DeploymentSpec {
  const service = manifest.name;
  const selector = selectorLabels(service, environment);
  const hasSecrets = mountsSecrets;
  const { requests, limits } = manifest.resources;
  return {
    // No replicas: the HPA owns the count; a value here would reset it on every deploy.
    selector: { matchLabels: selector },
    revisionHistoryLimit: 5,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
    template: {
      metadata: {
        labels: { ...labels, ...podLabels },
        annotations: { 'checksum/config': configChecksum, ...scrapeAnnotations },
      },
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
        topologySpreadConstraints: topologySpread(selector, environment),
        volumes: [
          // Below the container's limit, which also counts its logs (tmpVolumeHeadroom).
          { name: 'tmp', emptyDir: { sizeLimit: tmpVolumeSizeLimit(limits.ephemeralStorage) } },
          ...(hasSecrets
            ? [{ name: 'secrets', secret: { secretName: service, defaultMode: 0o440 } }]
            : []),
        ],
        containers: [
          {
            name: service,
            image,
            imagePullPolicy: 'IfNotPresent',
            // The API port (Service, HTTPRoute, callers) and the metrics port (the scraper only).
            ports: [
              { name: servicePortName, containerPort: manifest.port, protocol: 'TCP' },
              {
                name: metricsEndpoint.portName,
                containerPort: metricsEndpoint.port,
                protocol: 'TCP',
              },
            ],
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
            startupProbe: probe(serverPaths.startup, 2, 30),
            readinessProbe: probe(serverPaths.readiness, 5, 2),
            livenessProbe: probe(serverPaths.liveness, 10, 3),
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
  };
}
