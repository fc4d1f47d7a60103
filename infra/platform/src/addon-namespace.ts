import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { type PodSecurityLevel, platformLabels, podSecurityLabels } from './platform-labels.ts';

/** Arguments of {@link createAddonNamespace}. */
export interface AddonNamespaceArgs {
  /** The namespace name, e.g. `cert-manager`. */
  readonly namespace: string;
  /** The Pod Security level enforced; audit and warn stay `restricted`. */
  readonly podSecurityLevel: PodSecurityLevel;
  /** Pod Security Standards version the labels pin. */
  readonly podSecurityVersion: string;
}

/**
 * Creates the namespace a cluster add-on's Helm release installs into, so
 * its Pod Security labels are ours rather than the chart's.
 *
 * @example
 * createAddonNamespace('cert-manager', { namespace: 'cert-manager', podSecurityLevel: 'restricted', podSecurityVersion: 'v1.35' }, { parent: this });
 */
export function createAddonNamespace(
  name: string,
  args: AddonNamespaceArgs,
  opts: pulumi.CustomResourceOptions,
): k8s.core.v1.Namespace {
  return new k8s.core.v1.Namespace(
    name,
    {
      metadata: {
        name: args.namespace,
        labels: {
          ...platformLabels(args.namespace, args.namespace, 'addon'),
          ...podSecurityLabels(args.podSecurityLevel, args.podSecurityVersion),
        },
      },
    },
    opts,
  );
}
