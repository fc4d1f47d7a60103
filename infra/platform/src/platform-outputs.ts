/**
 * What the platform stack exports for the services stack to read through a StackReference:
 * the one statement of this agreement, so neither side restates the other's defaults.
 */

/** The Gateway public services attach their HTTPRoutes to (`spec.parentRefs[0]`). */
export interface GatewayParentRef {
  readonly name: string;
  readonly namespace: string;
  /** The HTTPS listener's name. */
  readonly sectionName: string;
}

/** Where the gateway's data-plane (proxy) pods run: the only peer a public service admits. */
export interface GatewayDataPlane {
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

/** The public entry of one environment. */
export interface PlatformGateway {
  /** The environment's public domain: the HTTPS listener answers `*.<domain>`, so a public service is `<service>.<domain>`. */
  readonly domain: string;
  readonly parentRef: GatewayParentRef;
  readonly dataPlane: GatewayDataPlane;
  /**
   * Who runs the Gateway: the platform's Envoy Gateway, whose traffic policies each public
   * service's route gets, or a cloud's controller, which takes none. Absent from platform stacks
   * older than the field: Envoy Gateway, the platform's default.
   */
  readonly controller?: 'envoy-gateway' | 'external';
}

/**
 * The monitoring stack, when it is on: then the PodMonitor and PrometheusRule kinds exist in the
 * cluster, and the collector's pods are the one peer a service's egress opens on OTLP
 * (`telemetry.collector`'s ports in `@slipway/platform-contract`).
 */
export interface PlatformMonitoring {
  /** The namespace of the collector, Prometheus and Grafana (`telemetry.namespace`). */
  readonly namespace: string;
  /** The collector's pod labels, as the pinned chart sets them. */
  readonly collectorPodLabels: Readonly<Record<string, string>>;
}

/** The platform stack's outputs, by name; an add-on that is off is absent, never `undefined`. */
export interface PlatformOutputs {
  /** Environment namespaces, each with restricted Pod Security and default-deny policies. */
  readonly namespaces: readonly string[];
  /** The gateway of each environment namespace, keyed by that namespace. */
  readonly gateways?: Readonly<Record<string, PlatformGateway>>;
  /** cert-manager's ClusterIssuer, when cert-manager is on. */
  readonly clusterIssuer?: string;
  /** The backup Schedule's name and cron expression, when backups are on. */
  readonly backupScheduleName?: string;
  readonly backupSchedule?: string;
  /** The monitoring stack, when it is on. */
  readonly monitoring?: PlatformMonitoring;
}

/** The output names a StackReference reads; a rename is a compile error on both sides. */
export const platformOutputNames = {
  namespaces: 'namespaces',
  gateways: 'gateways',
  clusterIssuer: 'clusterIssuer',
  backupScheduleName: 'backupScheduleName',
  backupSchedule: 'backupSchedule',
  monitoring: 'monitoring',
} as const satisfies { readonly [K in keyof PlatformOutputs]-?: K };

// Where pods resolve names, on every cloud: the services' egress allows the same destinations.
export { clusterDns, clusterDnsEgressRule, nodeLocalDnsCidrs } from './cluster-dns.ts';
