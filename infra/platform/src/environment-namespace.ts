import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { platformLabels, podSecurityLabels } from './platform-labels.js';

/** Arguments of {@link EnvironmentNamespace}. */
export interface EnvironmentNamespaceArgs {
  /** The namespace name, e.g. `slipway-dev`. */
  readonly namespace: string;
  /** Pod Security Standards version the labels pin, e.g. `v1.35`. */
  readonly podSecurityVersion: string;
  /**
   * Namespace of the ingress controller whose pods may reach cert-manager's
   * HTTP-01 solver pods here. Default: none (no solver policy).
   */
  readonly acmeSolverIngressNamespace?: string;
}

/** Port cert-manager's HTTP-01 solver pods listen on. */
export const acmeSolverPort = 8089;

/**
 * An environment namespace where services run: Pod Security Admission
 * `restricted` in enforce, audit and warn modes with a pinned version, and a
 * default-deny NetworkPolicy for ingress and egress, so every flow a service
 * needs must be allowed explicitly by its own policies.
 *
 * @example
 * new EnvironmentNamespace('slipway-dev', { namespace: 'slipway-dev', podSecurityVersion: 'v1.35' }, { provider });
 */
export class EnvironmentNamespace extends pulumi.ComponentResource {
  /** The namespace's name, known once it exists. */
  readonly name: pulumi.Output<string>;

  constructor(
    name: string,
    args: EnvironmentNamespaceArgs,
    opts?: pulumi.ComponentResourceOptions,
  ) {
    super('slipway:platform:EnvironmentNamespace', name, {}, opts);
    const namespace = new k8s.core.v1.Namespace(
      name,
      {
        metadata: {
          name: args.namespace,
          labels: {
            ...platformLabels('environment', args.namespace, 'namespace'),
            ...podSecurityLabels('restricted', args.podSecurityVersion),
          },
        },
      },
      { parent: this },
    );
    const inNamespace = { parent: this, dependsOn: [namespace] };

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
      inNamespace,
    );

    if (args.acmeSolverIngressNamespace) {
      // Certificates for public services are issued over HTTP-01: Let's Encrypt
      // reaches the ingress controller, which forwards to a solver pod here.
      new k8s.networking.v1.NetworkPolicy(
        `${name}-allow-acme-solver`,
        {
          metadata: {
            name: 'allow-acme-http01-solver',
            namespace: args.namespace,
            labels: platformLabels('allow-acme-http01-solver', args.namespace, 'network-policy'),
          },
          spec: {
            podSelector: { matchLabels: { 'acme.cert-manager.io/http01-solver': 'true' } },
            policyTypes: ['Ingress'],
            ingress: [
              {
                from: [
                  {
                    namespaceSelector: {
                      matchLabels: {
                        'kubernetes.io/metadata.name': args.acmeSolverIngressNamespace,
                      },
                    },
                  },
                ],
                ports: [{ protocol: 'TCP', port: acmeSolverPort }],
              },
            ],
          },
        },
        inNamespace,
      );
    }

    this.name = namespace.metadata.name;
    this.registerOutputs({ name: this.name });
  }
}
