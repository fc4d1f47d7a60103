import * as pulumi from '@pulumi/pulumi';
import type { GatewayLoadBalancer, WorkloadIdentity } from '@slipway/infra-workload-identity';
import { componentType } from '@slipway/platform-contract';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { Backups, type BackupsArgs } from './backups.ts';
import { CertManager, type CertManagerArgs } from './cert-manager.ts';
import { EnvironmentGateway } from './environment-gateway.ts';
import { EnvironmentNamespace } from './environment-namespace.ts';
import { EnvoyGateway, type EnvoyGatewayArgs } from './envoy-gateway.ts';
import { envoyGatewayClassName, envoyGatewayNamespace } from './envoy-gateway-specs.ts';
import { defaultGatewayName, envoyDataPlane } from './gateway-specs.ts';
import { ImageAdmission, type ImageAdmissionArgs } from './image-admission.ts';
import { Monitoring, type MonitoringArgs } from './monitoring.ts';
import type { PodSecurityLevel } from './platform-labels.ts';
import type { GatewayDataPlane, PlatformGateway, PlatformMonitoring } from './platform-outputs.ts';
import { defaultPodSecurityVersion } from './versions.ts';

type PodSecurityFields = 'podSecurityLevel' | 'podSecurityVersion';
/** What the platform learns from the cluster rather than from stack config. */
type ClusterFields = 'apiServer' | 'clusterLoadBalancer' | 'environmentNamespaces';

/** Envoy Gateway, installed and run by the platform: the default. */
type EnvoyGatewayController = { readonly kind: 'envoy-gateway' } & Omit<
  EnvoyGatewayArgs,
  PodSecurityFields | ClusterFields
>;

/** A Gateway API controller the cluster already has (a cloud's own); see docs/gateway.md. */
interface ExternalGatewayController {
  readonly kind: 'external';
  /** Its GatewayClass, e.g. `gke-l7-global-external-managed`. */
  readonly className: string;
  /** Where its data-plane pods run, for the services' NetworkPolicies. */
  readonly dataPlane: GatewayDataPlane;
}

/** The public edge: a Gateway per environment namespace. */
export interface GatewayArgs {
  /** The public domain of each environment namespace; its Gateway answers `*.<domain>`. */
  readonly domains: Readonly<Record<string, string>>;
  /** The Gateway's name in each environment namespace. Default: `public`. */
  readonly gatewayName?: string;
  /** Who implements the Gateways. Default: Envoy Gateway with its defaults. */
  readonly controller?: EnvoyGatewayController | ExternalGatewayController;
}

/** Arguments of {@link Platform}; an absent optional part is not installed. */
export interface PlatformArgs {
  /** Environment namespaces services deploy into, e.g. `['slipway-dev']`. */
  readonly namespaces: readonly string[];
  /** Pod Security Standards version every namespace pins. Default: {@link defaultPodSecurityVersion}. */
  readonly podSecurityVersion?: string;
  /** Pod Security level enforced in the add-ons' namespaces. Default: `restricted`. */
  readonly addonPodSecurityLevel?: PodSecurityLevel;
  /** Gateway API at the edge, a Gateway per environment. Default: not installed. */
  readonly gateway?: GatewayArgs;
  /** cert-manager and its Let's Encrypt ClusterIssuer. Default: not installed. */
  readonly certManager?: Omit<CertManagerArgs, PodSecurityFields | ClusterFields | 'installAfter'>;
  /**
   * The cluster's workload identity (the cluster stack's `workloadIdentity` output): Velero and
   * cert-manager get cloud identities and their grants. Default: none (kind, a render).
   */
  readonly workloadIdentity?: WorkloadIdentity;
  /** Velero and its backup Schedule; `includedNamespaces` defaults to {@link PlatformArgs.namespaces}. Default: not installed. */
  readonly backups?: Omit<BackupsArgs, PodSecurityFields | ClusterFields | 'includedNamespaces'> & {
    readonly includedNamespaces?: readonly string[];
  };
  /**
   * The collection stack in the `monitoring` namespace: the OpenTelemetry Collector, Tempo and
   * kube-prometheus-stack (docs/observability.md). Default: not installed.
   */
  readonly monitoring?: Omit<
    MonitoringArgs,
    PodSecurityFields | ClusterFields | 'environmentNamespaces' | 'installAfter'
  >;
  /** Image admission in the environment namespaces (docs/deploying/delivery.md). Default: none. */
  readonly admission?: Omit<ImageAdmissionArgs, 'verifier'> & { readonly signatures?: boolean };
  /**
   * Reads the API server's endpoints from the cluster (api-server-endpoints.ts); called once, and
   * only when an add-on namespace is created.
   */
  readonly apiServer: () => pulumi.Input<ApiServerEndpoints>;
  /** The cluster program's `gatewayLoadBalancer`, when a cluster stack is named. Default: none. */
  readonly gatewayLoadBalancer?: pulumi.Input<GatewayLoadBalancer>;
}

/** What the stack config decides: everything but what the cluster tells. */
export type PlatformSettings = Omit<
  PlatformArgs,
  'apiServer' | 'gatewayLoadBalancer' | 'workloadIdentity'
>;

/** Envoy Gateway's own arguments: the controller choice without its `kind` discriminant. */
function envoyArgs({
  kind: _,
  ...settings
}: EnvoyGatewayController): Omit<EnvoyGatewayArgs, PodSecurityFields | ClusterFields> {
  return settings;
}

/**
 * The cluster-wide add-ons every Slipway environment relies on: environment
 * namespaces (restricted Pod Security, default-deny network), and, when
 * configured, Gateway API at the edge (Envoy Gateway and a Gateway per
 * environment), cert-manager, Velero backups and the monitoring stack.
 *
 * @example
 * const platform = new Platform('slipway', {
 *   namespaces: ['slipway-dev'],
 *   gateway: { domains: { 'slipway-dev': 'dev.example.com' } },
 *   certManager: { email: 'platform@example.com', dns01: { provider: 'route53', region: 'eu-west-1' } },
 *   backups: { provider: 'aws', bucket: 'acme-velero', locationConfig: { region: 'eu-west-1' } },
 *   apiServer: () => readApiServerEndpoints('kubernetes-api', provider),
 * }, { providers: { kubernetes: provider } });
 */
export class Platform extends pulumi.ComponentResource {
  /** The environment namespaces. */
  readonly namespaces: pulumi.Output<string[]>;
  /** Each environment namespace's Gateway, when the gateway is on. */
  readonly gateways: pulumi.Output<Record<string, PlatformGateway>> | undefined;
  /** The ClusterIssuer for `cert-manager.io/cluster-issuer`, when cert-manager is on. */
  readonly clusterIssuer: pulumi.Output<string> | undefined;
  /** The backup Schedule's name, when backups are on. */
  readonly backupScheduleName: pulumi.Output<string> | undefined;
  /** The backup cron expression, when backups are on. */
  readonly backupSchedule: pulumi.Output<string> | undefined;
  /** The monitoring stack's namespace and collector, when it is on. */
  readonly monitoring: pulumi.Output<PlatformMonitoring> | undefined;

  constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('platform', 'Platform'), name, {}, opts);
    const parent = { parent: this };
    const identity = args.workloadIdentity ? { workloadIdentity: args.workloadIdentity } : {};
    const podSecurityVersion = args.podSecurityVersion ?? defaultPodSecurityVersion;
    // Read once, and only when an add-on namespace is created: its policies name the API server.
    let apiServer: pulumi.Input<ApiServerEndpoints> | undefined;
    const readApiServer = () => {
      apiServer ??= args.apiServer();
      return apiServer;
    };
    const addonCommon = () => ({
      podSecurityLevel: args.addonPodSecurityLevel ?? 'restricted',
      podSecurityVersion,
      apiServer: readApiServer(),
    });
    const controller = args.gateway?.controller ?? { kind: 'envoy-gateway' };
    const envoyGateway =
      args.gateway && controller.kind === 'envoy-gateway'
        ? new EnvoyGateway(
            `${name}-envoy-gateway`,
            {
              ...envoyArgs(controller),
              ...addonCommon(),
              environmentNamespaces: args.namespaces,
              ...(args.gatewayLoadBalancer
                ? { clusterLoadBalancer: args.gatewayLoadBalancer }
                : {}),
            },
            parent,
          )
        : undefined;
    const certManager = args.certManager
      ? new CertManager(
          `${name}-cert-manager`,
          {
            ...args.certManager,
            ...identity,
            ...addonCommon(),
            ...(envoyGateway ? { installAfter: [envoyGateway.crds] } : {}),
          },
          parent,
        )
      : undefined;

    const namespaces = args.namespaces.map(
      (namespace) => new EnvironmentNamespace(namespace, { namespace, podSecurityVersion }, parent),
    );
    this.gateways = args.gateway
      ? this.createGateways(args.gateway, namespaces, envoyGateway, certManager)
      : undefined;

    const backups = args.backups
      ? new Backups(
          `${name}-backups`,
          {
            ...args.backups,
            ...identity,
            includedNamespaces: args.backups.includedNamespaces ?? args.namespaces,
            ...addonCommon(),
          },
          // Namespaces first, so the first scheduled backup finds them.
          { parent: this, dependsOn: namespaces },
        )
      : undefined;

    const monitoring = args.monitoring
      ? new Monitoring(
          `${name}-monitoring`,
          {
            ...args.monitoring,
            environmentNamespaces: args.namespaces,
            installAfter: namespaces,
            ...addonCommon(),
          },
          parent,
        )
      : undefined;

    if (args.admission) {
      const { signatures = true, ...admission } = args.admission;
      const verifier = signatures ? { verifier: addonCommon() } : {};
      new ImageAdmission(`${name}-admission`, { ...admission, ...verifier }, parent);
    }

    this.namespaces = pulumi.all(namespaces.map((namespace) => namespace.name));
    this.clusterIssuer = certManager?.issuerName;
    this.backupScheduleName = backups?.scheduleName;
    this.backupSchedule = backups?.schedule;
    this.monitoring = monitoring?.outputs;
    this.registerOutputs({
      namespaces: this.namespaces,
      ...(this.gateways ? { gateways: this.gateways } : {}),
      ...(this.clusterIssuer ? { clusterIssuer: this.clusterIssuer } : {}),
      ...(this.monitoring ? { monitoring: this.monitoring } : {}),
    });
  }

  private createGateways(
    gateway: GatewayArgs,
    environments: readonly EnvironmentNamespace[],
    envoyGateway: EnvoyGateway | undefined,
    certManager: CertManager | undefined,
  ): pulumi.Output<Record<string, PlatformGateway>> {
    const gatewayName = gateway.gatewayName ?? defaultGatewayName;
    const controller = gateway.controller;
    const entries = environments.map((environment) => {
      const namespace = environment.namespace;
      const domain = gateway.domains[namespace];
      if (!domain) throw new Error(`gateway.domains names no domain for namespace ${namespace}`);
      const edge = new EnvironmentGateway(
        `${namespace}-gateway`,
        {
          namespace,
          gatewayName,
          domain,
          className: controller?.kind === 'external' ? controller.className : envoyGatewayClassName,
          envoyGateway: controller?.kind !== 'external',
          ...(certManager ? { clusterIssuer: certManager.issuer } : {}),
          installAfter: [
            environment,
            ...(envoyGateway ? [envoyGateway.gatewayClass] : []),
            ...(certManager ? [certManager] : []),
          ],
        },
        { parent: this },
      );
      const dataPlane =
        controller?.kind === 'external'
          ? controller.dataPlane
          : envoyDataPlane(envoyGatewayNamespace, gatewayName, namespace);
      return [
        namespace,
        edge.parentRef.apply((parentRef) => ({
          domain,
          parentRef,
          dataPlane,
          controller: controller?.kind ?? 'envoy-gateway',
        })),
      ] as const;
    });
    return pulumi.all(Object.fromEntries(entries));
  }
}
