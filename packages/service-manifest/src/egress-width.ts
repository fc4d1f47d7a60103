import { prefixOf } from './cidr-prefix.ts';
import type { ManifestProblem } from './manifest-problem.ts';
import type { LocatedManifest } from './validate-catalog.ts';

/** IPv4 egress wider than this prefix gets a warning: a database subnet is a /24, not a /8. */
export const widestIpv4Prefix = 16;
/** The IPv6 counterpart: a /48 is one site; anything wider spans organisations. */
export const widestIpv6Prefix = 48;

/**
 * What is legal but probably too open in manifests: egress CIDRs wider than /16 (IPv4) or /48
 * (IPv6) without a `reason`. A reason states the width is deliberate, so it silences the warning.
 * Each warning names its file, service and field, like a {@link ManifestProblem}.
 * @example manifestWarnings([{ manifest: orders, file: 'apps/orders/service.yaml' }])
 */
export function manifestWarnings(located: readonly LocatedManifest[]): ManifestProblem[] {
  return located.flatMap(({ manifest, file }) =>
    manifest.egress.flatMap((rule, i): ManifestProblem[] => {
      const { ipv6, bits } = prefixOf(rule.cidr);
      const widest = ipv6 ? widestIpv6Prefix : widestIpv4Prefix;
      if (rule.reason !== undefined || bits >= widest) return [];
      return [
        {
          service: manifest.name,
          file,
          field: `egress.${i}.cidr`,
          message: `'${rule.cidr}' is wider than /${widest}: narrow it to the destination's subnet (a database is usually one /24), or add egress.${i}.reason saying why it must be this wide`,
        },
      ];
    }),
  );
}
