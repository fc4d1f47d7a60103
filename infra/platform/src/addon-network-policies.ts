import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { type ApiServerEndpoints, apiServerEgressRule } from './api-server-endpoints.ts';
import { clusterDnsEgressRule } from './cluster-dns.ts';
import type {
  AddonWorkload,
  NamedNetworkPolicy,
  NetworkPolicySpec,
} from './network-policy-peers.ts';
import { platformLabels } from './platform-labels.ts';

/** What an add-on namespace allows, beyond DNS: everything else is denied. */
export interface AddonNetworkAccess {
  /** The add-on's own allows, each selecting pods its chart creates. */
  readonly policies: readonly NamedNetworkPolicy[];
  /** The add-on's pods that talk to the Kubernetes API server. */
  readonly apiServerClients: readonly AddonWorkload[];
}

/** Arguments of {@link createAddonNetworkPolicies}. */
export interface AddonNetworkPoliciesArgs extends AddonNetworkAccess {
  readonly namespace: string;
  /** Where the API server is, read from the cluster at deploy time. */
  readonly apiServer: pulumi.Input<ApiServerEndpoints>;
}

/** Name of the policy that denies everything in an add-on namespace, as in environment namespaces. */
const defaultDenyPolicyName = 'default-deny-all';
/** Name of the policy that lets every pod of an add-on namespace resolve names. */
const dnsPolicyName = 'allow-cluster-dns';

/**
 * The NetworkPolicies of an add-on namespace, as specs: default-deny for ingress and egress of
 * every pod, DNS for every pod (see cluster-dns.ts), each API server client's egress to the API
 * server's endpoints alone, and the add-on's own allows.
 *
 * @example
 * addonNetworkPolicySpecs({ policies: [], apiServerClients: [] }, { addresses: ['10.0.0.5'], port: 443 });
 */
export function addonNetworkPolicySpecs(
  access: AddonNetworkAccess,
  apiServer: ApiServerEndpoints,
): NamedNetworkPolicy[] {
  return [
    { name: defaultDenyPolicyName, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    {
      name: dnsPolicyName,
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [clusterDnsEgressRule()] },
    },
    ...access.apiServerClients.map((client) => ({
      name: `${client.name}-to-api-server`,
      spec: {
        podSelector: { matchLabels: { ...client.podLabels } },
        policyTypes: ['Egress'],
        egress: [apiServerEgressRule(apiServer)],
      } satisfies NetworkPolicySpec,
    })),
    ...access.policies,
  ];
}

/**
 * Creates an add-on namespace's NetworkPolicies (see {@link addonNetworkPolicySpecs}). Each
 * policy's name is known before the API server's endpoints are, so the resources are registered
 * at once and only their specs wait for the endpoints.
 *
 * @example
 * createAddonNetworkPolicies('velero', { namespace: 'velero', apiServer, ...veleroNetworkAccess('aws') }, { parent, dependsOn: [namespace] });
 */
export function createAddonNetworkPolicies(
  name: string,
  args: AddonNetworkPoliciesArgs,
  opts: pulumi.CustomResourceOptions,
): k8s.networking.v1.NetworkPolicy[] {
  const specs = pulumi
    .output(args.apiServer)
    .apply((apiServer) =>
      Object.fromEntries(
        addonNetworkPolicySpecs(args, apiServer).map((policy) => [policy.name, policy.spec]),
      ),
    );
  // The names alone, from stand-in endpoints: they never depend on the addresses.
  const names = addonNetworkPolicySpecs(args, { addresses: ['192.0.2.1'], port: 443 }).map(
    (policy) => policy.name,
  );
  return names.map(
    (policyName) =>
      new k8s.networking.v1.NetworkPolicy(
        `${name}-${policyName}`,
        {
          metadata: {
            name: policyName,
            namespace: args.namespace,
            labels: platformLabels(policyName, args.namespace, 'network-policy'),
          },
          spec: specs.apply(
            (byName) => byName[policyName] as pulumi.UnwrappedObject<NetworkPolicySpec>,
          ),
        },
        opts,
      ),
  );
}
