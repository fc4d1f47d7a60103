import { z } from 'zod';

const atLeastOne = (what: string) =>
  z.number().int().min(1, `must be at least 1 (${what}); leave it out for the platform default`);

/**
 * `traffic:` in a manifest: how the gateway guards the route of a public service. Every field
 * is optional; the rest come from `gatewayTrafficDefaults` in the platform contract.
 * @example trafficSchema.parse({ requestTimeoutSeconds: 60, rateLimit: { requestsPerSecond: 20 } })
 */
export const trafficSchema = z.strictObject({
  /** Seconds the gateway waits for the whole response; at most `shutdown.maxRequestSeconds`. */
  requestTimeoutSeconds: atLeastOne('seconds').max(600).optional(),
  /** Requests per second each client IP may send to the service, per gateway proxy. */
  rateLimit: z.strictObject({ requestsPerSecond: atLeastOne('requests per second') }).optional(),
  /** Bounds on the gateway's connections and requests to the service; excess fails fast (503). */
  circuitBreaker: z
    .strictObject({
      maxConnections: atLeastOne('connections').optional(),
      maxPendingRequests: atLeastOne('queued requests').optional(),
      maxParallelRequests: atLeastOne('requests in flight').optional(),
    })
    .optional(),
});

/**
 * The rules `traffic` obeys beside the rest of the manifest: it guards the gateway's route, so
 * only a public service has one, and the gateway never waits longer than the service may work.
 */
export function checkTraffic(
  manifest: {
    readonly public: boolean;
    readonly shutdown: { readonly maxRequestSeconds: number };
    readonly traffic?: z.output<typeof trafficSchema> | undefined;
  },
  ctx: z.RefinementCtx,
): void {
  const { traffic } = manifest;
  if (!traffic) return;
  if (!manifest.public)
    ctx.addIssue({
      code: 'custom',
      path: ['traffic'],
      message:
        'only applies to a public service (it guards the gateway route): set public: true, or remove traffic',
    });
  const timeout = traffic.requestTimeoutSeconds;
  if (timeout !== undefined && timeout > manifest.shutdown.maxRequestSeconds)
    ctx.addIssue({
      code: 'custom',
      path: ['traffic', 'requestTimeoutSeconds'],
      message: `must not exceed shutdown.maxRequestSeconds (${manifest.shutdown.maxRequestSeconds}), the longest request the service may serve: lower it, or raise shutdown.maxRequestSeconds`,
    });
}
