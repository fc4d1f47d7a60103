import { type LabelSelectorLike, matchesSelector } from '@slipway/infra-policy';

/** A pod as NetworkPolicies see it. */
export interface PodEndpoint {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Named container ports, so policies that name a port (`http`) can match. */
  readonly ports?: readonly { readonly name?: string; readonly port: number }[];
}

/** An address outside the cluster, as a manifest's `egress` declares it. */
export interface ExternalEndpoint {
  readonly ip: string;
}

interface PolicyPeer {
  readonly podSelector?: LabelSelectorLike;
  readonly namespaceSelector?: LabelSelectorLike;
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
}
interface PolicyPort {
  readonly port?: number | string;
  readonly endPort?: number;
  readonly protocol?: string;
}
interface PolicyRule {
  readonly from?: readonly PolicyPeer[];
  readonly to?: readonly PolicyPeer[];
  readonly ports?: readonly PolicyPort[];
}
interface NetworkPolicyObject {
  readonly kind: string;
  readonly metadata?: { readonly namespace?: string };
  readonly spec?: {
    readonly podSelector?: LabelSelectorLike;
    readonly policyTypes?: readonly string[];
    readonly ingress?: readonly PolicyRule[];
    readonly egress?: readonly PolicyRule[];
  };
}

function ipv4(address: string): number | undefined {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base = '', bits = '32'] = cidr.split('/');
  const address = ipv4(ip);
  const network = ipv4(base);
  if (address === undefined || network === undefined) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(address / size) === Math.floor(network / size);
}

function namespaceLabels(namespace: string): Record<string, string> {
  return { 'kubernetes.io/metadata.name': namespace };
}

function peerMatches(
  peer: PolicyPeer,
  policyNamespace: string,
  target: PodEndpoint | ExternalEndpoint,
): boolean {
  if ('ip' in target) {
    const block = peer.ipBlock;
    return (
      block !== undefined &&
      inCidr(target.ip, block.cidr) &&
      !(block.except ?? []).some((c) => inCidr(target.ip, c))
    );
  }
  if (peer.ipBlock) return false;
  const namespaceOk = peer.namespaceSelector
    ? matchesSelector(peer.namespaceSelector, namespaceLabels(target.namespace))
    : target.namespace === policyNamespace;
  return namespaceOk && matchesSelector(peer.podSelector ?? {}, target.labels);
}

function portMatches(
  ports: readonly PolicyPort[] | undefined,
  port: number,
  protocol: string,
  target: PodEndpoint | ExternalEndpoint,
): boolean {
  if (!ports || ports.length === 0) return true;
  const name = 'ip' in target ? undefined : target.ports?.find((p) => p.port === port)?.name;
  return ports.some(
    (p) =>
      (p.protocol ?? 'TCP') === protocol &&
      (p.port === undefined ||
        (typeof p.port === 'string'
          ? p.port === name
          : port >= p.port && port <= (p.endPort ?? p.port))),
  );
}

function allows(
  policies: readonly NetworkPolicyObject[],
  direction: 'Ingress' | 'Egress',
  subject: PodEndpoint,
  peer: PodEndpoint | ExternalEndpoint,
  port: number,
  protocol: string,
  portOwner: PodEndpoint | ExternalEndpoint,
): boolean {
  return policies.some((policy) => {
    const namespace = policy.metadata?.namespace ?? '';
    const spec = policy.spec ?? {};
    if (namespace !== subject.namespace || !matchesSelector(spec.podSelector ?? {}, subject.labels))
      return false;
    if (!(spec.policyTypes ?? ['Ingress']).includes(direction)) return false;
    const rules = (direction === 'Ingress' ? spec.ingress : spec.egress) ?? [];
    return rules.some((rule) => {
      const peers = direction === 'Ingress' ? rule.from : rule.to;
      return (
        (!peers || peers.length === 0 || peers.some((p) => peerMatches(p, namespace, peer))) &&
        portMatches(rule.ports, port, protocol, portOwner)
      );
    });
  });
}

/**
 * Whether NetworkPolicies let `from` open a connection to `to` on a port, in a namespace whose
 * default is deny-all for ingress and egress (the platform program's default). Both sides must
 * agree: `from`'s egress and, for a pod, `to`'s ingress. Pass `checkEgress: false` for a source
 * whose egress other policies govern (the ingress controller), `checkIngress: false` for such a
 * destination (cluster DNS).
 * @example allowsConnection(objects, gatewayPod, ordersPod, 3001) // true
 */
export function allowsConnection(
  objects: readonly object[],
  from: PodEndpoint,
  to: PodEndpoint | ExternalEndpoint,
  port: number,
  {
    protocol = 'TCP',
    checkEgress = true,
    checkIngress = true,
  }: { protocol?: 'TCP' | 'UDP'; checkEgress?: boolean; checkIngress?: boolean } = {},
): boolean {
  const policies = (objects as NetworkPolicyObject[]).filter((o) => o.kind === 'NetworkPolicy');
  if (checkEgress && !allows(policies, 'Egress', from, to, port, protocol, to)) return false;
  return 'ip' in to || !checkIngress || allows(policies, 'Ingress', to, from, port, protocol, to);
}
