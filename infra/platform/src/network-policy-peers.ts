import type * as k8s from '@pulumi/kubernetes';
import { metricsEndpoint } from '@slipway/platform-contract';

/** A NetworkPolicy spec as the Kubernetes provider takes it. */
export type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;
type PolicyRule = k8s.types.input.networking.v1.NetworkPolicyIngressRule;
type EgressRule = k8s.types.input.networking.v1.NetworkPolicyEgressRule;
/** A port of a rule: a number or a container port's name. */
interface RulePort {
  readonly port: number | string;
  readonly protocol: 'TCP' | 'UDP';
}

/** One NetworkPolicy of an add-on namespace: its name and what it allows. */
export interface NamedNetworkPolicy {
  readonly name: string;
  readonly spec: NetworkPolicySpec;
}

/** Pods of an add-on's chart, by the labels the pinned chart puts on them. */
export interface AddonWorkload {
  /** Short name used in policy names, e.g. `envoy-proxy`. */
  readonly name: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

/** TCP on each port (a number, or a container port's name). */
export const tcp = (...ports: (number | string)[]) =>
  ports.map((port) => ({ port, protocol: 'TCP' as const }));

/** A peer selecting a whole namespace by its immutable name label. */
export const namespaceNamed = (namespace: string) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
});

/** A pod peer in the policy's own namespace. */
export const podsOf = (workload: AddonWorkload) => ({
  podSelector: { matchLabels: { ...workload.podLabels } },
});

/** Ingress from the metrics scraper's namespace only, on the metrics ports. */
export const scraperIngress = (...ports: (number | string)[]): PolicyRule => ({
  from: [namespaceNamed(metricsEndpoint.scraperNamespace)],
  ports: tcp(...ports),
});

/**
 * Egress to the internet on the given ports. `0.0.0.0/0` because ACME directories, cloud APIs
 * (object storage, snapshots, DNS zones, token exchange) and authoritative DNS servers have no
 * fixed address range; narrowed by port, and never to link-local addresses (node metadata and
 * credential endpoints), which only the workload identity rules open, port by port.
 */
export const internetEgress = (ports: readonly RulePort[]) =>
  ({
    to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['169.254.0.0/16'] } }],
    ports: [...ports],
  }) satisfies EgressRule;

/** A policy selecting one workload's pods. */
export function policyFor(
  workload: AddonWorkload,
  rules: { ingress?: PolicyRule[]; egress?: EgressRule[] },
): NetworkPolicySpec {
  return {
    podSelector: { matchLabels: { ...workload.podLabels } },
    policyTypes: [...(rules.ingress ? ['Ingress'] : []), ...(rules.egress ? ['Egress'] : [])],
    ...rules,
  };
}
