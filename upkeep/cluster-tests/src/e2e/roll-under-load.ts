import {
  generateLoad,
  type LoadReport,
  type LoadRequest,
  type LoadTarget,
} from './load-generator.ts';

/** Options of {@link rollUnderLoad}. */
export interface RollUnderLoadOptions {
  readonly target: LoadTarget;
  readonly next: (index: number) => LoadRequest;
  /** Runs under load before the rollout, e.g. loading the new images into kind. */
  readonly prepare?: () => Promise<void>;
  /** The deploy that rolls the services (`pulumi up`): its run is the rollout window. */
  readonly rollout: () => Promise<void>;
  /** Runs under load after the rollout, e.g. waiting for the old pods to drain. */
  readonly settle?: () => Promise<void>;
  /** Requests in flight at any time. Default: the load generator's. */
  readonly concurrency?: number;
  /** At most this many requests a second. Default: the load generator's (unpaced). */
  readonly maxPerSecond?: number;
}

/** What the load saw, and how much of it was served while the deploy command ran. */
export interface RolloutLoadReport extends LoadReport {
  /** 2xx answers that arrived between the deploy command's start and its end. */
  readonly servedDuringRollout: number;
  /** How long the deploy command ran. */
  readonly rolloutMs: number;
}

/**
 * Keeps a steady load on the target from before the rollout until after it has settled, and
 * counts the answers served inside the rollout window. Every step must be asynchronous: a
 * synchronous child process would freeze the load, and the window would hold no request.
 * @throws the first step's error, once the load has stopped.
 * @example const report = await rollUnderLoad({ target, next: orderLoad(id), rollout: () => cli.up() });
 */
export async function rollUnderLoad(options: RollUnderLoadOptions): Promise<RolloutLoadReport> {
  const controller = new AbortController();
  let inWindow = false;
  let servedDuringRollout = 0;
  const load = generateLoad({
    target: options.target,
    next: options.next,
    signal: controller.signal,
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.maxPerSecond ? { maxPerSecond: options.maxPerSecond } : {}),
    onSuccess: () => {
      if (inWindow) servedDuringRollout += 1;
    },
  });
  let rolloutMs = 0;
  try {
    await options.prepare?.();
    const started = performance.now();
    inWindow = true;
    try {
      await options.rollout();
    } finally {
      inWindow = false;
      rolloutMs = Math.round(performance.now() - started);
    }
    await options.settle?.();
  } finally {
    // The load stops (and its sockets close) whether or not a step failed.
    controller.abort();
    await load;
  }
  return { ...(await load), servedDuringRollout, rolloutMs };
}
