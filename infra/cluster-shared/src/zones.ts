/** Fewest zones a cluster's nodes spread over, so one zone's outage leaves the others serving. */
export const minimumZones = 3;

/**
 * The zones a cluster's nodes spread over, once checked to be at least {@link minimumZones}.
 * @throws Error naming the stack config field (`zones`, `availabilityZones`) when fewer are given.
 * @example const zones = requireZoneRedundancy('zones', args.zones ?? ['1', '2', '3']);
 */
export function requireZoneRedundancy(field: string, zones: readonly string[]): readonly string[] {
  if (zones.length < minimumZones) {
    throw new Error(
      `${field} must list at least ${minimumZones} zones for a zone-redundant cluster, got ${zones.length}`,
    );
  }
  return zones;
}
