import type { Environment } from './schema.ts';

/**
 * Zones a prod service must spread over before the scheduler stops counting missing ones as
 * empty: the zones every cluster program requires (`minimumZones` in @slipway/infra-cluster-shared,
 * which a test in infra/services holds equal; this package is published and cannot import it).
 */
const productionZoneCount = 3;

/**
 * How strictly pods spread over zones. `minDomains` is only valid with `DoNotSchedule`
 * (the API rejects it otherwise), so the type allows it nowhere else.
 */
export type ZoneSpreadPolicy =
  | { readonly whenUnsatisfiable: 'ScheduleAnyway' }
  | { readonly whenUnsatisfiable: 'DoNotSchedule'; readonly minDomains: number };

/** What differs between environments; everything else is the same everywhere. */
export interface EnvironmentProfile {
  /**
   * Most replicas a service's autoscaler may reach here, whatever its manifest's `replicas.max`;
   * undefined: the manifest's. The manifest's `replicas.min` always holds (at least 2).
   */
  readonly maxReplicasCap?: number;
  /** How services' pods spread over zones (over nodes it is always `ScheduleAnyway`). */
  readonly zoneSpread: ZoneSpreadPolicy;
  /** Replicas of the Envoy proxies of each Gateway, unless the platform stack sets them. */
  readonly gatewayProxies: { readonly minReplicas: number; readonly maxReplicas: number };
  /** The Velero backup schedule (cron) and how long each backup is kept (Go duration), unless the platform stack sets them. */
  readonly backups: { readonly schedule: string; readonly ttl: string };
}

const hourlyForThirtyDays = { schedule: '0 * * * *', ttl: '720h0m0s' } as const;

/**
 * The one place that says what differs per environment; the services and platform programs
 * read their environment's profile, and explicit stack config still wins where it may.
 * dev is smaller: autoscalers stop at 3 replicas (the minimum of 2 a drain needs, plus one to
 * see scaling work), proxies at 3, and backups run daily and are kept a week. Only prod refuses
 * to schedule a pod that would unbalance the zones: dev and staging clusters may run fewer zones.
 * @example environmentProfiles.prod.zoneSpread // { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 }
 */
export const environmentProfiles: Readonly<Record<Environment, EnvironmentProfile>> = {
  dev: {
    maxReplicasCap: 3,
    zoneSpread: { whenUnsatisfiable: 'ScheduleAnyway' },
    gatewayProxies: { minReplicas: 2, maxReplicas: 3 },
    backups: { schedule: '0 3 * * *', ttl: '168h0m0s' },
  },
  staging: {
    zoneSpread: { whenUnsatisfiable: 'ScheduleAnyway' },
    gatewayProxies: { minReplicas: 2, maxReplicas: 6 },
    backups: hourlyForThirtyDays,
  },
  prod: {
    zoneSpread: { whenUnsatisfiable: 'DoNotSchedule', minDomains: productionZoneCount },
    gatewayProxies: { minReplicas: 2, maxReplicas: 6 },
    backups: hourlyForThirtyDays,
  },
};

/**
 * A service's autoscaling range in an environment: the manifest's, with the maximum capped by
 * the profile but always above the minimum (an autoscaler needs room to scale).
 * @example serviceReplicas({ min: 2, max: 10 }, 'dev') // { min: 2, max: 3 }
 */
export function serviceReplicas(
  replicas: { readonly min: number; readonly max: number },
  environment: Environment,
): { min: number; max: number } {
  const cap = environmentProfiles[environment].maxReplicasCap ?? replicas.max;
  return { min: replicas.min, max: Math.max(replicas.min + 1, Math.min(replicas.max, cap)) };
}
