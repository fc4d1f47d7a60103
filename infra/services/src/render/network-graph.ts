import type { PlatformGateway, PlatformMonitoring } from '@slipway/infra-platform/outputs';
import { clusterDns, nodeLocalDnsCidrs } from '@slipway/infra-platform/outputs';
import type { RenderedObject } from '@slipway/infra-testing/render';
import { servicePortName, telemetry } from '@slipway/platform-contract';
import { type AnnotatedDataService, dataServicesAnnotation } from '../network-policy-specs.ts';
import { allowsConnection, type PodEndpoint } from './network-reachability.ts';

/** Options for {@link networkGraph}. */
export interface NetworkGraphOptions {
  /** The environment's gateway, the public entry; default: none, so no public arrows. */
  readonly gateway?: PlatformGateway;
  /** The platform's monitoring stack, whose collector receives traces; default: none, so no arrows to it. */
  readonly monitoring?: PlatformMonitoring;
}

// Upper case: no service's id (a DNS label with '-' as '_') can take it.
const gatewayNode = 'Gateway';
const collectorNode = 'Collector';

interface ServiceNode {
  readonly name: string;
  readonly pod: PodEndpoint;
  readonly port: number;
}

interface DeploymentLike {
  readonly metadata: { readonly name: string; readonly namespace?: string };
  readonly spec?: {
    readonly template?: {
      readonly metadata?: { readonly labels?: Record<string, string> };
      readonly spec?: {
        readonly containers?: readonly {
          readonly ports?: readonly { name?: string; containerPort: number }[];
        }[];
      };
    };
  };
}

interface EgressPolicyLike {
  readonly metadata: {
    readonly namespace?: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: {
    readonly podSelector?: { readonly matchLabels?: Record<string, string> };
    readonly egress?: readonly {
      readonly to?: readonly { readonly ipBlock?: { readonly cidr: string } }[];
      readonly ports?: readonly { readonly port?: number | string; readonly protocol?: string }[];
    }[];
  };
}

function id(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

type EgressRule = NonNullable<NonNullable<EgressPolicyLike['spec']>['egress']>[number];

/** The data services a policy's annotation names, each with the rule that allows it, if any. */
function dataServiceRules(policy: EgressPolicyLike) {
  const annotation = policy.metadata.annotations?.[dataServicesAnnotation];
  const named: AnnotatedDataService[] = annotation ? JSON.parse(annotation) : [];
  return named.map((service) => ({
    service,
    rule: (policy.spec?.egress ?? []).find(
      (rule) =>
        service.cidrs.every((cidr) => rule.to?.some((peer) => peer.ipBlock?.cidr === cidr)) &&
        (rule.ports ?? []).some((p) => p.port === service.port),
    ),
  }));
}

function serviceNodes(objects: readonly RenderedObject[]): ServiceNode[] {
  return (objects.filter((o) => o.kind === 'Deployment') as unknown as DeploymentLike[]).map(
    (d) => {
      const ports = (d.spec?.template?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
      return {
        name: d.metadata.name,
        pod: {
          namespace: d.metadata.namespace ?? '',
          labels: d.spec?.template?.metadata?.labels ?? {},
          ports: ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.containerPort })),
        },
        port:
          ports.find((p) => p.name === servicePortName)?.containerPort ??
          ports[0]?.containerPort ??
          0,
      };
    },
  );
}

/**
 * A Mermaid flowchart of who may talk to whom, derived from the rendered NetworkPolicies: the
 * Internet to the gateway and from its proxies to the services that admit them (the public
 * ones), an arrow between two services only where the caller's egress and the callee's ingress
 * both allow it, to each service's own data services (the rules its egress policy's
 * `dataServicesAnnotation` names: `orders postgres (<offering>)`), to external CIDRs, and
 * (dotted) to cluster DNS and to the platform's OpenTelemetry collector.
 * @example console.log(networkGraph(objects, { gateway: platform.gateways?.[namespace] }));
 */
export function networkGraph(
  objects: readonly RenderedObject[],
  { gateway, monitoring }: NetworkGraphOptions = {},
): string {
  const nodes = serviceNodes(objects).sort((a, b) => a.name.localeCompare(b.name));
  const lines = ['flowchart LR'];
  const edges: string[] = [];
  const dns: PodEndpoint = { namespace: clusterDns.namespace, labels: clusterDns.podLabels };
  let usesGateway = false;
  let usesDns = false;
  let usesCollector = false;
  const collector: PodEndpoint | undefined = monitoring && {
    namespace: monitoring.namespace,
    labels: monitoring.collectorPodLabels,
  };
  const otlp = telemetry.collector.otlpHttpPort;

  for (const node of nodes) lines.push(`  ${id(node.name)}[${node.name}<br/>:${node.port}]`);
  if (gateway) {
    const proxy: PodEndpoint = {
      namespace: gateway.dataPlane.namespace,
      labels: gateway.dataPlane.podLabels,
    };
    for (const to of nodes) {
      // The proxies' own egress is the platform's to allow, not a service's.
      if (allowsConnection(objects, proxy, to.pod, to.port, { checkEgress: false })) {
        usesGateway = true;
        edges.push(`  ${gatewayNode} -->|${to.port}| ${id(to.name)}`);
      }
    }
  }
  for (const from of nodes) {
    for (const to of nodes) {
      if (from !== to && allowsConnection(objects, from.pod, to.pod, to.port))
        edges.push(`  ${id(from.name)} -->|${to.port}| ${id(to.name)}`);
    }
  }
  const externals = new Map<string, string>();
  for (const from of nodes) {
    const policies = objects.filter(
      (o) => o.kind === 'NetworkPolicy',
    ) as unknown as EgressPolicyLike[];
    for (const policy of policies) {
      const selector = policy.spec?.podSelector?.matchLabels ?? {};
      const selects = Object.entries(selector).every(([k, v]) => from.pod.labels[k] === v);
      if (policy.metadata.namespace !== from.pod.namespace || !selects) continue;
      const drawn = new Set<EgressRule>();
      for (const { service, rule } of dataServiceRules(policy)) {
        if (!rule) continue;
        drawn.add(rule);
        const node = `${id(from.name)}_${service.kind}`;
        const label = `${from.name} ${service.kind} (${service.offering})`.replaceAll(
          '"',
          '#quot;',
        );
        externals.set(node, `  ${node}[("${label}")]`);
        edges.push(`  ${id(from.name)} -->|TCP ${service.port}| ${node}`);
      }
      for (const rule of policy.spec?.egress ?? []) {
        if (drawn.has(rule)) continue;
        for (const peer of rule.to ?? []) {
          // A node-local DNS cache's address is cluster DNS, drawn as such below.
          if (!peer.ipBlock || nodeLocalDnsCidrs.includes(peer.ipBlock.cidr)) continue;
          const cidr = peer.ipBlock.cidr;
          const node = `cidr_${id(cidr)}`;
          externals.set(node, `  ${node}[(${cidr})]`);
          const ports = (rule.ports ?? [])
            .map((p) => `${p.protocol ?? 'TCP'} ${p.port ?? 'any'}`)
            .join(', ');
          edges.push(`  ${id(from.name)} -->|${ports || 'any'}| ${node}`);
        }
      }
    }
    if (
      allowsConnection(objects, from.pod, dns, clusterDns.port, {
        protocol: 'UDP',
        checkIngress: false,
      })
    ) {
      usesDns = true;
      edges.push(`  ${id(from.name)} -.->|53| dns`);
    }
    // The collector's own ingress is the platform's policy, not in this set.
    if (
      collector &&
      allowsConnection(objects, from.pod, collector, otlp, { checkIngress: false })
    ) {
      usesCollector = true;
      edges.push(`  ${id(from.name)} -.->|${otlp}| ${collectorNode}`);
    }
  }
  if (gateway && usesGateway) {
    const { name, namespace } = gateway.parentRef;
    lines.push(
      `  internet((Internet)) -->|https| ${gatewayNode}`,
      `  ${gatewayNode}[Gateway ${name}<br/>${namespace}]`,
    );
  }
  if (usesDns) lines.push(`  dns[cluster DNS<br/>${clusterDns.namespace}]`);
  if (monitoring && usesCollector)
    lines.push(`  ${collectorNode}[OpenTelemetry collector<br/>${monitoring.namespace}]`);
  lines.push(...externals.values(), ...edges);
  return `${lines.join('\n')}\n`;
}
