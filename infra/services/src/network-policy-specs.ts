import type * as k8s from '@pulumi/kubernetes';
import type { DataServiceEndpoint } from '@slipway/infra-data-services';
import {
  clusterDnsEgressRule,
  type GatewayDataPlane,
  type PlatformMonitoring,
} from '@slipway/infra-platform/outputs';
import {
  type DataServiceKind,
  dataServiceKinds,
  metricsEndpoint,
  productNames,
  servicePortName,
  telemetry,
} from '@slipway/platform-contract';
import type { ServiceManifest } from '@slipway/service-manifest';
import { selectorLabels } from './labels.ts';
import type { Callee } from './service-environment.ts';

type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;

/** What the two NetworkPolicies of a service are derived from. */
export interface NetworkPolicyInput {
  readonly manifest: ServiceManifest;
  readonly environment: string;
  /** The services this one calls, with their ports. */
  readonly callees: readonly Callee[];
  /** The gateway's proxy pods, the one peer a public service admits; required when public. */
  readonly gateway?: GatewayDataPlane;
  /** Its data services' endpoints (provisioned or existing), by kind; default: none. */
  readonly dataServices?: Partial<Record<DataServiceKind, DataServiceRoute>>;
  /** The platform's monitoring stack, whose collector receives the traces; default: none, no rule. */
  readonly monitoring?: PlatformMonitoring;
}

/** What the egress policy needs of a data service: where it is, and what it is. */
type DataServiceRoute = Pick<DataServiceEndpoint, 'egress' | 'offering'>;

/**
 * The egress policy's annotation that names the rule of each data service: a JSON list of
 * `{ kind, offering, cidrs, port }`, so `kubectl describe` and `npm run graph` tell a database's
 * rule from a hand-declared CIDR.
 */
export const dataServicesAnnotation = `${productNames.name}/data-services`;

/** One entry of {@link dataServicesAnnotation}. */
export interface AnnotatedDataService {
  readonly kind: DataServiceKind;
  readonly offering: string;
  readonly cidrs: readonly string[];
  readonly port: number;
}

function dataServiceList(input: NetworkPolicyInput): AnnotatedDataService[] {
  return dataServiceKinds.flatMap((kind) => {
    const route = input.dataServices?.[kind];
    return route ? [{ kind, offering: route.offering, ...route.egress }] : [];
  });
}

/**
 * The egress policy's annotations: {@link dataServicesAnnotation} when the service has data
 * services, else none.
 * @example egressPolicyAnnotations({ ...input, dataServices: { postgres } })['slipway/data-services']
 */
export function egressPolicyAnnotations(input: NetworkPolicyInput): Record<string, string> {
  const list = dataServiceList(input);
  return list.length > 0 ? { [dataServicesAnnotation]: JSON.stringify(list) } : {};
}

function namespaceSelector(namespace: string) {
  return { matchLabels: { 'kubernetes.io/metadata.name': namespace } };
}

/**
 * Ingress only from the declared callers (`calledBy`), on the named `http` port, plus, for a
 * public service, the gateway's data-plane pods (their namespace AND their labels, in one peer,
 * so no other pod of that namespace gets in), on that port too; and from the scraper's namespace
 * (`metricsEndpoint.scraperNamespace`) on the named `metrics` port alone, which no other peer
 * reaches.
 * @throws Error for a public service without a gateway: `planServices` reports that first.
 * @example ingressPolicySpec({ manifest: orders, environment: 'dev', callees: [] })
 */
export function ingressPolicySpec({
  manifest,
  environment,
  gateway,
}: NetworkPolicyInput): NetworkPolicySpec {
  const port = [{ port: servicePortName, protocol: 'TCP' }];
  const ingress: NonNullable<NetworkPolicySpec['ingress']> = manifest.calledBy.map((caller) => ({
    from: [{ podSelector: { matchLabels: selectorLabels(caller, environment) } }],
    ports: port,
  }));
  if (manifest.public) {
    if (!gateway) throw new Error(`${manifest.name} is public but no gateway data plane was given`);
    ingress.push({
      from: [
        {
          namespaceSelector: namespaceSelector(gateway.namespace),
          podSelector: { matchLabels: { ...gateway.podLabels } },
        },
      ],
      ports: port,
    });
  }
  ingress.push({
    from: [{ namespaceSelector: namespaceSelector(metricsEndpoint.scraperNamespace) }],
    ports: [{ port: metricsEndpoint.portName, protocol: 'TCP' }],
  });
  return {
    podSelector: { matchLabels: selectorLabels(manifest.name, environment) },
    policyTypes: ['Ingress'],
    ingress,
  };
}

/**
 * The egress rule to the platform's OpenTelemetry collector: its pods (namespace AND labels, in
 * one peer) on OTLP over HTTP alone, the one protocol the service kit exports with.
 * @example collectorEgressRule(platform.monitoring).ports // [{ port: 4318, protocol: 'TCP' }]
 */
function collectorEgressRule(monitoring: PlatformMonitoring) {
  return {
    to: [
      {
        namespaceSelector: namespaceSelector(monitoring.namespace),
        podSelector: { matchLabels: { ...monitoring.collectorPodLabels } },
      },
    ],
    ports: [{ port: telemetry.collector.otlpHttpPort, protocol: 'TCP' }],
  };
}

/**
 * Egress only to cluster DNS (53 UDP and TCP: CoreDNS and each cloud's node-local cache, as the
 * platform's `clusterDnsEgressRule` states them), to each callee's pods on its port, to each data
 * service's ranges on its port (from its endpoint: the data network's or the existing server's,
 * never typed into a manifest), to the CIDRs and ports the manifest's `egress` declares, and,
 * when monitoring is on, to the collector's pods on OTLP/HTTP ({@link collectorEgressRule}).
 * @example egressPolicySpec({ manifest: gateway, environment: 'dev', callees: [{ name: 'orders', port: 3001 }] })
 */
export function egressPolicySpec(input: NetworkPolicyInput): NetworkPolicySpec {
  const { manifest, environment, callees } = input;
  return {
    podSelector: { matchLabels: selectorLabels(manifest.name, environment) },
    policyTypes: ['Egress'],
    egress: [
      clusterDnsEgressRule(),
      ...callees.map((callee) => ({
        to: [{ podSelector: { matchLabels: selectorLabels(callee.name, environment) } }],
        ports: [{ port: callee.port, protocol: 'TCP' }],
      })),
      ...dataServiceList(input).map(({ cidrs, port }) => ({
        to: cidrs.map((cidr) => ({ ipBlock: { cidr } })),
        ports: [{ port, protocol: 'TCP' }],
      })),
      ...manifest.egress.map((rule) => ({
        to: [{ ipBlock: { cidr: rule.cidr } }],
        ports: rule.ports.map((port) => ({ port, protocol: rule.protocol })),
      })),
      ...(input.monitoring ? [collectorEgressRule(input.monitoring)] : []),
    ],
  };
}
