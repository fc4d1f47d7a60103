import * as pulumi from '@pulumi/pulumi';

/** The zone label a spread constraint names to spread over zones. */
const zoneKey = 'topology.kubernetes.io/zone';

/**
 * Ways to break the deployed programs on purpose, without touching them: each is a resource
 * transform the engine applies to every Deployment, so the suite's checks can be seen failing
 * (cluster/negative-controls.test.ts runs each and names the checks that must fail).
 */
export const programBreaks = {
  replicas: 'every Deployment sets replicas: 1, taking the count back from the HPA',
  root: 'every container may run as root (runAsNonRoot false, runAsUser 0); Pulumi does not wait for the rollout',
  spread: `every Deployment loses its ${zoneKey} spread constraint (the hostname one stays)`,
} as const;

/** The name of a breakage, e.g. `replicas`. */
export type ProgramBreak = keyof typeof programBreaks;

/** The parts of a Deployment's inputs a breakage touches. */
interface DeploymentProps {
  readonly metadata?: { readonly annotations?: Readonly<Record<string, string>> };
  readonly spec?: {
    readonly template?: {
      readonly spec?: {
        readonly securityContext?: object;
        readonly containers?: readonly { readonly securityContext?: object }[];
        readonly topologySpreadConstraints?: readonly { readonly topologyKey?: string }[];
      };
    };
  };
}

const runAsRoot = { runAsNonRoot: false, runAsUser: 0 };

type PodSpec = NonNullable<NonNullable<NonNullable<DeploymentProps['spec']>['template']>['spec']>;

function rootPod(pod: PodSpec): PodSpec {
  return {
    ...pod,
    securityContext: { ...pod.securityContext, ...runAsRoot },
    containers: (pod.containers ?? []).map((c) => ({
      ...c,
      securityContext: { ...c.securityContext, ...runAsRoot },
    })),
  };
}

function unspreadPod(pod: PodSpec): PodSpec {
  const kept = (pod.topologySpreadConstraints ?? []).filter((c) => c.topologyKey !== zoneKey);
  return { ...pod, topologySpreadConstraints: kept };
}

/**
 * A Deployment's inputs with the named breakages applied.
 * @example brokenDeployment(props, new Set(['spread'])).spec.template.spec.topologySpreadConstraints
 */
export function brokenDeployment(
  props: DeploymentProps,
  breaks: ReadonlySet<string>,
): DeploymentProps {
  const spec = props.spec ?? {};
  let pod = spec.template?.spec ?? {};
  if (breaks.has('root')) pod = rootPod(pod);
  if (breaks.has('spread')) pod = unspreadPod(pod);
  // The refused pods would hold the deploy until its timeout; the suite's own checks (the
  // server's PodSecurity verdict, the rollout) are what must catch them.
  const annotations = breaks.has('root')
    ? { ...props.metadata?.annotations, 'pulumi.com/skipAwait': 'true' }
    : props.metadata?.annotations;
  return {
    ...props,
    ...(annotations ? { metadata: { ...props.metadata, annotations } } : {}),
    spec: {
      ...spec,
      ...(breaks.has('replicas') ? { replicas: 1 } : {}),
      template: { ...spec.template, spec: pod },
    },
  };
}

/**
 * Registers the named breakages for the program about to run. A deploy the API server keeps
 * refusing would make Pulumi wait its full 10 minutes, so broken Deployments get 2.
 * @throws Error naming an unknown breakage.
 * @example breakProgram(['replicas']);
 */
export function breakProgram(breaks: readonly string[]): void {
  const unknown = breaks.filter((name) => !(name in programBreaks));
  if (unknown.length > 0) {
    throw new Error(
      `unknown breakage ${unknown.join(', ')}: one of ${Object.keys(programBreaks).join(', ')}`,
    );
  }
  if (breaks.length === 0) return;
  const wanted = new Set(breaks);
  pulumi.runtime.registerResourceTransform((args) => {
    if (args.type !== 'kubernetes:apps/v1:Deployment') return undefined;
    pulumi.log.warn(
      `broken on purpose: ${breaks.map((b) => programBreaks[b as ProgramBreak]).join('; ')}`,
    );
    return {
      props: brokenDeployment(args.props as DeploymentProps, wanted),
      opts: { ...args.opts, customTimeouts: { create: '2m', update: '2m' } },
    };
  });
}
