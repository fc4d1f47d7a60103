import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { createAddonNamespace } from './addon-namespace.js';
import type { PodSecurityLevel } from './platform-labels.js';
import { ingressNginxChart } from './versions.js';

/** Arguments of {@link IngressController}. */
export interface IngressControllerArgs {
  /** Namespace of the controller. Default: `ingress-nginx`. */
  readonly namespace?: string;
  /** IngressClass public services' Ingress objects name. Default: `nginx`. */
  readonly className?: string;
  /** Annotations on the LoadBalancer Service, e.g. `service.beta.kubernetes.io/aws-load-balancer-type: nlb`. Default: none. */
  readonly serviceAnnotations?: Readonly<Record<string, string>>;
  /** Pod Security level enforced in the controller's namespace. Default: `restricted`. */
  readonly podSecurityLevel?: PodSecurityLevel;
  /** Pod Security Standards version the namespace labels pin. */
  readonly podSecurityVersion: string;
}

/** The controller's namespace when none is given; services and ACME solvers allow ingress from it. */
export const defaultIngressNamespace = 'ingress-nginx';
/** The IngressClass when none is given; cert-manager's HTTP-01 solver uses it too. */
export const defaultIngressClassName = 'nginx';

/**
 * The ingress-nginx controller behind a cloud load balancer: two replicas
 * at least, spread across zones, autoscaled on CPU, with a PDB, and with
 * snippet annotations off (they let an Ingress author inject NGINX config).
 *
 * @example
 * const ingress = new IngressController('ingress', { podSecurityVersion: 'v1.35' }, { provider });
 */
export class IngressController extends pulumi.ComponentResource {
  /** The namespace the controller runs in; services allow ingress from it. */
  readonly namespace: pulumi.Output<string>;
  /** The IngressClass name. */
  readonly className: pulumi.Output<string>;

  constructor(name: string, args: IngressControllerArgs, opts?: pulumi.ComponentResourceOptions) {
    super('slipway:platform:IngressController', name, {}, opts);
    const namespaceName = args.namespace ?? defaultIngressNamespace;
    const className = args.className ?? defaultIngressClassName;
    const namespace = createAddonNamespace(
      `${name}-namespace`,
      {
        namespace: namespaceName,
        podSecurityLevel: args.podSecurityLevel ?? 'restricted',
        podSecurityVersion: args.podSecurityVersion,
      },
      { parent: this },
    );
    const controllerLabels = {
      'app.kubernetes.io/name': 'ingress-nginx',
      'app.kubernetes.io/instance': 'ingress-nginx',
      'app.kubernetes.io/component': 'controller',
    };

    new k8s.helm.v3.Release(
      name,
      {
        name: 'ingress-nginx',
        namespace: namespace.metadata.name,
        chart: ingressNginxChart.chart,
        version: ingressNginxChart.version,
        repositoryOpts: { repo: ingressNginxChart.repo },
        values: {
          controller: {
            ingressClassResource: { name: className, enabled: true, default: false },
            ingressClass: className,
            allowSnippetAnnotations: false,
            config: { 'server-tokens': 'false' },
            autoscaling: {
              enabled: true,
              minReplicas: 2,
              maxReplicas: 6,
              targetCPUUtilizationPercentage: 80,
            },
            minAvailable: 1,
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '512Mi' } },
            topologySpreadConstraints: [
              {
                maxSkew: 1,
                topologyKey: 'topology.kubernetes.io/zone',
                whenUnsatisfiable: 'ScheduleAnyway',
                labelSelector: { matchLabels: controllerLabels },
              },
            ],
            service: {
              // Local keeps the client's source IP and skips a second hop.
              externalTrafficPolicy: 'Local',
              annotations: { ...args.serviceAnnotations },
            },
          },
        },
      },
      { parent: this },
    );

    this.namespace = namespace.metadata.name;
    this.className = pulumi.output(className);
    this.registerOutputs({ namespace: this.namespace, className: this.className });
  }
}
