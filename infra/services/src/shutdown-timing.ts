import type { ServiceManifest } from '@slipway/service-manifest';

/** Seconds the preStop hook sleeps before SIGTERM, while kube-proxy and ingress drop the pod. */
export const defaultPreStopSeconds = 5;
/** Headroom for process exit and log flushing after the service kit's hard deadline. */
const terminationMarginSeconds = 5;

/** The shutdown timeline of one pod, aligned with the service kit's graceful shutdown. */
export interface ShutdownTiming {
  /** preStop sleep, before the container receives SIGTERM. */
  readonly preStopSeconds: number;
  /** `SHUTDOWN_DRAIN_MS`: serving with readiness 503 after SIGTERM. */
  readonly drainMs: number;
  /** `SHUTDOWN_TIMEOUT_MS`: the hard deadline for in-flight requests after the drain. */
  readonly timeoutMs: number;
  /** preStop + drain + longest request + margin; Kubernetes sends SIGKILL after it. */
  readonly terminationGracePeriodSeconds: number;
}

/**
 * Derives the pod's shutdown timeline from the manifest, so that the kubelet's SIGKILL can
 * only come after the service kit has drained and finished its longest request.
 * @example shutdownTiming(manifest).terminationGracePeriodSeconds // 45 for the defaults (5 + 5 + 30 + 5)
 */
export function shutdownTiming(
  shutdown: ServiceManifest['shutdown'],
  preStopSeconds = defaultPreStopSeconds,
): ShutdownTiming {
  return {
    preStopSeconds,
    drainMs: shutdown.drainSeconds * 1000,
    timeoutMs: shutdown.maxRequestSeconds * 1000,
    terminationGracePeriodSeconds:
      preStopSeconds +
      shutdown.drainSeconds +
      shutdown.maxRequestSeconds +
      terminationMarginSeconds,
  };
}
