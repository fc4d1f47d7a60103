import type { RecordedResource } from './pulumi-mocks.ts';
import { maskSecrets } from './secret-masking.ts';

/** A Kubernetes object as rendered: plain data, secrets masked. */
export type RenderedObject = Readonly<Record<string, unknown>> & {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
  };
};

/**
 * The Kubernetes objects among recorded resources (not providers, components or Helm
 * releases, which have no `kind`), secrets masked: what both render paths and the tests see.
 * @example kubernetesObjects(resources).filter((o) => o.kind === 'Deployment')
 */
export function kubernetesObjects(resources: readonly RecordedResource[]): RenderedObject[] {
  return resources
    .filter((r) => r.type.startsWith('kubernetes:') && typeof r.inputs.kind === 'string')
    .map((r) => maskSecrets(r.inputs) as RenderedObject);
}
