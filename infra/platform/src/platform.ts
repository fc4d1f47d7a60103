import * as pulumi from '@pulumi/pulumi';
import { Backups, type BackupsArgs } from './backups.js';
import { CertManager, type CertManagerArgs } from './cert-manager.js';
import { EnvironmentNamespace } from './environment-namespace.js';
import {
  defaultIngressNamespace,
  IngressController,
  type IngressControllerArgs,
} from './ingress-controller.js';
import type { PodSecurityLevel } from './platform-labels.js';
import { defaultPodSecurityVersion } from './versions.js';

type PodSecurityFields = 'podSecurityLevel' | 'podSecurityVersion';

/** Arguments of {@link Platform}; an absent optional part is not installed. */
export interface PlatformArgs {
  /** Environment namespaces services deploy into, e.g. `['slipway-dev']`. */
  readonly namespaces: readonly string[];
  /** Pod Security Standards version every namespace pins. Default: {@link defaultPodSecurityVersion}. */
  readonly podSecurityVersion?: string;
  /** Pod Security level enforced in the add-ons' namespaces. Default: `restricted`. */
  readonly addonPodSecurityLevel?: PodSecurityLevel;
  /** The ingress controller for public services. Default: not installed. */
  readonly ingress?: Omit<IngressControllerArgs, PodSecurityFields>;
  /** cert-manager and its Let's Encrypt ClusterIssuer. Default: not installed. */
  readonly certManager?: Omit<CertManagerArgs, PodSecurityFields | 'ingressClassName'>;
  /** Velero and its backup Schedule; `includedNamespaces` defaults to {@link PlatformArgs.namespaces}. Default: not installed. */
  readonly backups?: Omit<BackupsArgs, PodSecurityFields | 'includedNamespaces'> & {
    readonly includedNamespaces?: readonly string[];
  };
}

/**
 * The cluster-wide add-ons every Slipway environment relies on: environment
 * namespaces (restricted Pod Security, default-deny network), and, when
 * configured, the ingress controller, cert-manager and Velero backups.
 *
 * @example
 * const platform = new Platform('slipway', {
 *   namespaces: ['slipway-dev'],
 *   ingress: {},
 *   certManager: { email: 'platform@example.com' },
 *   backups: { provider: 'aws', bucket: 'acme-velero', locationConfig: { region: 'eu-west-1' } },
 * }, { providers: { kubernetes: provider } });
 */
export class Platform extends pulumi.ComponentResource {
  /** The environment namespaces. */
  readonly namespaces: pulumi.Output<string[]>;
  /** The ingress controller's namespace, when installed. */
  readonly ingressNamespace: pulumi.Output<string | undefined>;
  /** The IngressClass public services use, when the controller is installed. */
  readonly ingressClassName: pulumi.Output<string | undefined>;
  /** The ClusterIssuer for `cert-manager.io/cluster-issuer`, when cert-manager is installed. */
  readonly clusterIssuer: pulumi.Output<string | undefined>;
  /** The backup Schedule's name, when backups are on. */
  readonly backupScheduleName: pulumi.Output<string | undefined>;
  /** The backup cron expression, when backups are on. */
  readonly backupSchedule: pulumi.Output<string | undefined>;

  constructor(name: string, args: PlatformArgs, opts?: pulumi.ComponentResourceOptions) {
    super('slipway:platform:Platform', name, {}, opts);
    const parent = { parent: this };
    const podSecurity = {
      podSecurityLevel: args.addonPodSecurityLevel ?? 'restricted',
      podSecurityVersion: args.podSecurityVersion ?? defaultPodSecurityVersion,
    };

    const ingress = args.ingress
      ? new IngressController(`${name}-ingress`, { ...args.ingress, ...podSecurity }, parent)
      : undefined;
    const certManager = args.certManager
      ? new CertManager(
          `${name}-cert-manager`,
          {
            ...args.certManager,
            ...podSecurity,
            ...(args.ingress?.className ? { ingressClassName: args.ingress.className } : {}),
          },
          parent,
        )
      : undefined;
    const solverNamespace =
      ingress && certManager ? (args.ingress?.namespace ?? defaultIngressNamespace) : undefined;

    const namespaces = args.namespaces.map(
      (namespace) =>
        new EnvironmentNamespace(
          namespace,
          {
            namespace,
            podSecurityVersion: podSecurity.podSecurityVersion,
            ...(solverNamespace ? { acmeSolverIngressNamespace: solverNamespace } : {}),
          },
          parent,
        ),
    );

    const backups = args.backups
      ? new Backups(
          `${name}-backups`,
          {
            ...args.backups,
            includedNamespaces: args.backups.includedNamespaces ?? args.namespaces,
            ...podSecurity,
          },
          // Namespaces first, so the first scheduled backup finds them.
          { parent: this, dependsOn: namespaces },
        )
      : undefined;

    this.namespaces = pulumi.all(namespaces.map((namespace) => namespace.name));
    this.ingressNamespace = pulumi.output(ingress?.namespace);
    this.ingressClassName = pulumi.output(ingress?.className);
    this.clusterIssuer = pulumi.output(certManager?.issuerName);
    this.backupScheduleName = pulumi.output(backups?.scheduleName);
    this.backupSchedule = pulumi.output(backups?.schedule);
    this.registerOutputs({
      namespaces: this.namespaces,
      ingressNamespace: this.ingressNamespace,
      ingressClassName: this.ingressClassName,
      clusterIssuer: this.clusterIssuer,
      backupScheduleName: this.backupScheduleName,
      backupSchedule: this.backupSchedule,
    });
  }
}
