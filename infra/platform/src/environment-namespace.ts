import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '@slipway/platform-contract';
import { signatureCheckLabels } from './image-admission-specs.ts';
import { platformLabels, podSecurityLabels } from './platform-labels.ts';

/** Arguments of {@link EnvironmentNamespace}. */
export interface EnvironmentNamespaceArgs {
  /** The namespace name, e.g. `slipway-dev`. */
  readonly namespace: string;
  /** Pod Security Standards version the labels pin, e.g. `v1.35`. */
  readonly podSecurityVersion: string;
}

/**
 * An environment namespace where services run: Pod Security Admission `restricted` in enforce,
 * audit and warn modes with a pinned version, the label that opts it in to policy-controller's
 * signature check, and a default-deny NetworkPolicy for ingress and egress, so every flow a
 * service needs must be allowed explicitly by its own policies.
 *
 * @example
 * new EnvironmentNamespace('slipway-dev', { namespace: 'slipway-dev', podSecurityVersion: 'v1.35' }, { provider });
 */
export class EnvironmentNamespace extends pulumi.ComponentResource {
  /** The namespace's name, known once it exists. */
  readonly name: pulumi.Output<string>;
  /** The namespace's name, known now. */
  readonly namespace: string;

  constructor(
    name: string,
    args: EnvironmentNamespaceArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super(componentType('platform', 'EnvironmentNamespace'), name, {}, opts);
    const namespace = new k8s.core.v1.Namespace(
      name,
      {
        metadata: {
          name: args.namespace,
          labels: {
            ...platformLabels('environment', args.namespace, 'namespace'),
            ...podSecurityLabels('restricted', args.podSecurityVersion),
            // Opted in to policy-controller's signature check (inert when it is not installed).
            ...signatureCheckLabels,
          },
        },
      },
      { parent: this },
    );
    // Certificates are issued over DNS-01, so no ACME solver pod ever needs to be reachable
    // here; the gateway's proxies reach services only through the services' own policies.
    new k8s.networking.v1.NetworkPolicy(
      `${name}-default-deny`,
      {
        metadata: {
          name: 'default-deny-all',
          namespace: args.namespace,
          labels: platformLabels('default-deny-all', args.namespace, 'network-policy'),
        },
        // An empty selector and no rules: nothing in, nothing out, until allowed.
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      },
      { parent: this, dependsOn: [namespace] },
    );

    this.name = namespace.metadata.name;
    this.namespace = args.namespace;
    this.registerOutputs({ name: this.name });
  }
}
