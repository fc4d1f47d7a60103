import { isKubernetesObject } from './policy-violation.ts';

/** The security context fields the checks read, on a pod or a container. */
export interface SecurityContextLike {
  readonly runAsNonRoot?: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly privileged?: boolean;
  readonly allowPrivilegeEscalation?: boolean;
  readonly readOnlyRootFilesystem?: boolean;
  readonly procMount?: string;
  readonly capabilities?: { readonly add?: readonly string[]; readonly drop?: readonly string[] };
  readonly seccompProfile?: { readonly type?: string };
  readonly appArmorProfile?: { readonly type?: string };
  readonly seLinuxOptions?: {
    readonly type?: string;
    readonly user?: string;
    readonly role?: string;
  };
  readonly windowsOptions?: { readonly hostProcess?: boolean };
  readonly sysctls?: readonly { readonly name?: string }[];
}

/** A probe or lifecycle handler: only the fields the checks compare. */
export interface HandlerLike {
  readonly httpGet?: { readonly path?: string; readonly port?: number | string };
  readonly tcpSocket?: { readonly port?: number | string };
  readonly grpc?: { readonly port?: number };
  readonly exec?: { readonly command?: readonly string[] };
  readonly sleep?: { readonly seconds?: number };
  readonly [field: string]: unknown;
}

/** The container fields the checks read. */
export interface ContainerLike {
  readonly name?: string;
  readonly image?: string;
  readonly securityContext?: SecurityContextLike;
  readonly ports?: readonly {
    readonly name?: string;
    readonly containerPort?: number;
    readonly hostPort?: number;
  }[];
  readonly resources?: {
    readonly requests?: Readonly<Record<string, string>>;
    readonly limits?: Readonly<Record<string, string>>;
  };
  readonly livenessProbe?: HandlerLike;
  readonly readinessProbe?: HandlerLike;
  readonly startupProbe?: HandlerLike;
  readonly lifecycle?: { readonly preStop?: HandlerLike };
  readonly volumeMounts?: readonly { readonly name?: string; readonly mountPath?: string }[];
  readonly env?: readonly {
    readonly name?: string;
    readonly value?: string;
    readonly valueFrom?: unknown;
  }[];
}

/** The pod spec fields the checks read. */
export interface PodSpecLike {
  readonly containers?: readonly ContainerLike[];
  readonly initContainers?: readonly ContainerLike[];
  readonly ephemeralContainers?: readonly ContainerLike[];
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly hostUsers?: boolean;
  readonly securityContext?: SecurityContextLike;
  readonly volumes?: readonly Readonly<Record<string, unknown>>[];
  readonly serviceAccountName?: string;
  readonly automountServiceAccountToken?: boolean;
  readonly terminationGracePeriodSeconds?: number;
  readonly topologySpreadConstraints?: readonly {
    readonly topologyKey?: string;
    readonly labelSelector?: unknown;
    readonly whenUnsatisfiable?: string;
    readonly minDomains?: number;
    readonly nodeTaintsPolicy?: string;
    readonly nodeAffinityPolicy?: string;
  }[];
  readonly affinity?: {
    readonly podAntiAffinity?: {
      readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly {
        readonly topologyKey?: string;
      }[];
      readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly {
        readonly podAffinityTerm?: { readonly topologyKey?: string };
      }[];
    };
  };
}

/** A pod spec found inside a workload, with where it sits, for violation paths. */
export interface PodTemplate {
  readonly spec: PodSpecLike;
  /** The pod's own metadata (labels, annotations), when the input had it. */
  readonly metadata: {
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  /** JSON-pointer-like path of the pod spec inside the input, `''` for a bare pod spec. */
  readonly path: string;
}

type Loose = Readonly<Record<string, unknown>>;

function at(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Loose)[key];
  }
  return current;
}

const templatePaths: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  PodTemplate: ['template'],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/**
 * Finds the pod spec in a bare pod spec or any pod-creating workload (Pod, Deployment,
 * StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, PodTemplate...).
 * @returns undefined for objects that create no pods (Service, ConfigMap...).
 * @example findPodTemplate(deployment)?.spec.containers
 */
export function findPodTemplate(podSpecOrWorkload: unknown): PodTemplate | undefined {
  if (isKubernetesObject(podSpecOrWorkload)) {
    const keys = templatePaths[podSpecOrWorkload.kind];
    if (!keys) return undefined;
    const template = keys.length === 0 ? podSpecOrWorkload : at(podSpecOrWorkload, ...keys);
    const spec = at(template, 'spec');
    if (typeof spec !== 'object' || spec === null) return undefined;
    return {
      spec: spec as PodSpecLike,
      metadata: (at(template, 'metadata') ?? {}) as PodTemplate['metadata'],
      path: `/${[...keys, 'spec'].join('/')}`,
    };
  }
  if (Array.isArray(at(podSpecOrWorkload, 'containers'))) {
    return { spec: podSpecOrWorkload as PodSpecLike, metadata: {}, path: '' };
  }
  return undefined;
}

/**
 * Every container of a pod spec with its path: regular, init and ephemeral ones.
 * @example for (const { container, path } of allContainers(template)) ...
 */
export function allContainers(
  template: PodTemplate,
): { readonly container: ContainerLike; readonly path: string }[] {
  const result: { container: ContainerLike; path: string }[] = [];
  for (const field of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    (template.spec[field] ?? []).forEach((container, i) => {
      result.push({ container, path: `${template.path}/${field}/${i}` });
    });
  }
  return result;
}
