import { type LabelSelectorLike, matchesSelector } from './label-selector.ts';
import { findPodTemplate } from './pod-template.ts';
import type { KubernetesObject } from './policy-violation.ts';

/** A pod-owning object of the set, with what the set-wide rules match against. */
export interface Workload {
  readonly object: KubernetesObject;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly portNames: ReadonlySet<string>;
}

/** An object whose `spec` has the shape a rule reads. */
export type Spec<T> = KubernetesObject & { readonly spec?: T };

/** Records one violation; the set-wide rules report through it. */
export type Violate = (obj: KubernetesObject, rule: string, path: string, message: string) => void;

/** The workloads of one namespace whose pods a selector matches. */
export type SelectWorkloads = (namespace: string, selector: LabelSelectorLike) => Workload[];

export function namespaceOf(obj: KubernetesObject): string {
  return obj.metadata?.namespace ?? '';
}

/** Every object with a pod template (a bare PodTemplate is no workload). */
export function collectWorkloads(all: readonly KubernetesObject[]): Workload[] {
  const workloads: Workload[] = [];
  for (const object of all) {
    const template = findPodTemplate(object);
    if (!template || object.kind === 'PodTemplate') continue;
    workloads.push({
      object,
      namespace: namespaceOf(object),
      podLabels: template.metadata.labels ?? {},
      portNames: new Set(
        (template.spec.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name ?? '')),
      ),
    });
  }
  return workloads;
}

export function workloadSelector(workloads: readonly Workload[]): SelectWorkloads {
  return (namespace, selector) =>
    workloads.filter((w) => w.namespace === namespace && matchesSelector(selector, w.podLabels));
}
