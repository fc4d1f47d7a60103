import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import { type AddonNetworkAccess, createAddonNetworkPolicies } from './addon-network-policies.ts';
import type { ApiServerEndpoints } from './api-server-endpoints.ts';
import { type PodSecurityLevel, platformLabels, podSecurityLabels } from './platform-labels.ts';

/** Arguments of {@link createAddonNamespace}. */
export interface AddonNamespaceArgs {
  /** The namespace name, e.g. `cert-manager`. */
  readonly namespace: string;
  /** The Pod Security level enforced; audit and warn stay `restricted`. */
  readonly podSecurityLevel: PodSecurityLevel;
  /** Pod Security Standards version the labels pin. */
  readonly podSecurityVersion: string;
  /** What the add-on's pods may reach and be reached by; everything else is denied. */
  readonly network: AddonNetworkAccess;
  /** Where the API server is, read from the cluster at deploy time. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/**
 * Creates the namespace a cluster add-on's Helm release installs into, so its Pod Security
 * labels are ours rather than the chart's, with its NetworkPolicies (default-deny plus the
 * add-on's exact allows; addon-network-policies.ts). Install the release after every returned
 * resource, so no chart pod ever runs unconfined.
 *
 * @example
 * const [namespace, ...policies] = createAddonNamespace('velero', { namespace: 'velero', podSecurityLevel: 'restricted', podSecurityVersion: 'v1.35', network: veleroNetworkAccess('aws'), apiServer }, { parent: this });
 */
export function createAddonNamespace(
  name: string,
  args: AddonNamespaceArgs,
  opts: pulumi.CustomResourceOptions,
): [k8s.core.v1.Namespace, ...k8s.networking.v1.NetworkPolicy[]] {
  const namespace = new k8s.core.v1.Namespace(
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
  const policies = createAddonNetworkPolicies(
    name,
    { namespace: args.namespace, apiServer: args.apiServer, ...args.network },
    { ...opts, dependsOn: [namespace] },
  );
  return [namespace, ...policies];
}
