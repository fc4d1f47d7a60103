import type * as k8s from '@pulumi/kubernetes';
import {
  formatByteQuantity,
  parseByteQuantity,
  type ServiceManifest,
} from '@slipway/service-manifest';

type ResourceQuotaSpec = k8s.types.input.core.v1.ResourceQuotaSpec;
type LimitRangeSpec = k8s.types.input.core.v1.LimitRangeSpec;

/** Pods each service of a preview runs: one (no HPA), the Kubernetes default when a Deployment omits `replicas`. */
const previewReplicas = 1;

/**
 * The factor on the summed requests and limits: while a service rolls, `maxSurge` starts a
 * second pod before the first stops, and every service may roll at once (a push that changes
 * them all), so the quota holds two pods of each and nothing more.
 */
const previewQuotaHeadroom = 2;

/**
 * Millicores of a CPU quantity as a manifest writes it (`250m`, `1`, `0.5`).
 * @throws Error for anything else (the manifest schema has refused it already).
 */
function millicores(text: string): number {
  const milli = /^(\d+)m$/.exec(text);
  if (milli) return Number(milli[1]);
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  throw new Error(`'${text}' is not a CPU quantity`);
}

function bytes(text: string): number {
  const value = parseByteQuantity(text);
  if (value === undefined) throw new Error(`'${text}' is not a byte quantity`);
  return value;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/** The container resources of the catalog, as numbers. */
function amounts(manifests: readonly ServiceManifest[]) {
  const of = (pick: (m: ServiceManifest) => number) => manifests.map(pick);
  return {
    cpuRequests: of((m) => millicores(m.resources.requests.cpu)),
    memoryRequests: of((m) => bytes(m.resources.requests.memory)),
    memoryLimits: of((m) => bytes(m.resources.limits.memory)),
    storageRequests: of((m) => bytes(m.resources.requests.ephemeralStorage)),
    storageLimits: of((m) => bytes(m.resources.limits.ephemeralStorage)),
  };
}

/**
 * The ResourceQuota of a preview namespace: the deployed services' requests and limits summed,
 * times {@link previewReplicas} and {@link previewQuotaHeadroom}, a pod count to match, and no
 * LoadBalancer or NodePort Service (a preview is reached through the gateway only). No
 * `limits.cpu`: the services set no CPU limit unless their manifest asks, and a quota on it would
 * refuse every pod without one.
 * @example previewQuotaSpec([orders]).hard // { pods: '2', 'requests.cpu': '200m', … }
 */
export function previewQuotaSpec(manifests: readonly ServiceManifest[]): ResourceQuotaSpec {
  const total = amounts(manifests);
  const factor = previewReplicas * previewQuotaHeadroom;
  const size = (values: readonly number[]) => formatByteQuantity(sum(values) * factor);
  return {
    hard: {
      pods: String(manifests.length * factor),
      'requests.cpu': `${sum(total.cpuRequests) * factor}m`,
      'requests.memory': size(total.memoryRequests),
      'limits.memory': size(total.memoryLimits),
      'requests.ephemeral-storage': size(total.storageRequests),
      'limits.ephemeral-storage': size(total.storageLimits),
      'services.loadbalancers': '0',
      'services.nodeports': '0',
    },
  };
}

/**
 * The LimitRange of a preview namespace: no container above the largest memory and
 * ephemeral-storage limit a deployed manifest declares, and a container that declares nothing (a
 * debug container, say) gets the smallest requests and limits of the manifests, so it fits the
 * quota. CPU has no maximum: a maximum would become the default limit of every container
 * without one, throttling the services (their manifests decide on CPU limits).
 * @example previewLimitRangeSpec([orders]).limits[0].max // { memory: '256Mi', 'ephemeral-storage': '256Mi' }
 */
export function previewLimitRangeSpec(manifests: readonly ServiceManifest[]): LimitRangeSpec {
  const total = amounts(manifests);
  const cpu = (values: readonly number[]) => `${Math.min(...values)}m`;
  const smallest = (values: readonly number[]) => formatByteQuantity(Math.min(...values));
  const largest = (values: readonly number[]) => formatByteQuantity(Math.max(...values));
  return {
    limits: [
      {
        type: 'Container',
        max: {
          memory: largest(total.memoryLimits),
          'ephemeral-storage': largest(total.storageLimits),
        },
        default: {
          memory: smallest(total.memoryLimits),
          'ephemeral-storage': smallest(total.storageLimits),
        },
        defaultRequest: {
          cpu: cpu(total.cpuRequests),
          memory: smallest(total.memoryRequests),
          'ephemeral-storage': smallest(total.storageRequests),
        },
      },
    ],
  };
}
