import * as pulumi from '@pulumi/pulumi';

/**
 * Ways to break the deployed programs on purpose, without touching them: each is a resource
 * transform the engine applies to every Deployment, so the suite's checks can be seen failing.
 */
export const programBreaks = {
  replicas: 'every Deployment sets replicas: 1, taking the count back from the HPA',
  root: 'every container may run as root (runAsNonRoot false, runAsUser 0)',
} as const;

/** The name of a breakage, e.g. `replicas`. */
export type ProgramBreak = keyof typeof programBreaks;

/** The parts of a Deployment's inputs a breakage touches. */
interface DeploymentProps {
  readonly spec?: {
    readonly template?: {
      readonly spec?: {
        readonly securityContext?: object;
        readonly containers?: readonly { readonly securityContext?: object }[];
      };
    };
  };
}

const runAsRoot = { runAsNonRoot: false, runAsUser: 0 };

function broken(props: DeploymentProps, breaks: ReadonlySet<string>): DeploymentProps {
  const spec = props.spec ?? {};
  const pod = spec.template?.spec ?? {};
  const rootPod = breaks.has('root')
    ? {
        ...pod,
        securityContext: { ...pod.securityContext, ...runAsRoot },
        containers: (pod.containers ?? []).map((c) => ({
          ...c,
          securityContext: { ...c.securityContext, ...runAsRoot },
        })),
      }
    : pod;
  return {
    ...props,
    spec: {
      ...spec,
      ...(breaks.has('replicas') ? { replicas: 1 } : {}),
      template: { ...spec.template, spec: rootPod },
    },
  };
}

/**
 * Registers the named breakages for the program about to run. A refused rollout would make
 * Pulumi wait its full 10 minutes, so broken Deployments get a 2-minute timeout.
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
      props: broken(args.props as DeploymentProps, wanted),
      opts: { ...args.opts, customTimeouts: { create: '2m', update: '2m' } },
    };
  });
}
