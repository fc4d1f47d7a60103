/** A Kubernetes object by what identifies it: group/version, kind, name and (if any) namespace. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** One resource of a stack's state, as far as the suite's destroy checks read it. */
export interface StateResource {
  readonly urn: string;
  readonly type: string;
  /** Pulumi leaves it in the cluster on delete (the `retainOnDelete` option). */
  readonly retainOnDelete: boolean;
  /** The Kubernetes object it is, for a Kubernetes resource. */
  readonly object?: ObjectRef;
  /** The Helm release it is (`kubernetes:helm.sh/v3:Release`): its objects carry Helm's annotations. */
  readonly helmRelease?: { readonly name: string; readonly namespace: string };
}

/** The Pulumi type of a Helm release resource. */
const helmReleaseType = 'kubernetes:helm.sh/v3:Release';

type Json = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

function objectRef(outputs: Json): ObjectRef | undefined {
  const metadata = isRecord(outputs.metadata) ? outputs.metadata : {};
  const apiVersion = text(outputs.apiVersion);
  const kind = text(outputs.kind);
  const name = text(metadata.name);
  const namespace = text(metadata.namespace);
  if (!apiVersion || !kind || !name) return undefined;
  return { apiVersion, kind, name, ...(namespace ? { namespace } : {}) };
}

function helmRelease(type: string, outputs: Json): StateResource['helmRelease'] {
  const name = text(outputs.name);
  const namespace = text(outputs.namespace);
  return type === helmReleaseType && name && namespace ? { name, namespace } : undefined;
}

/**
 * The resources of an exported stack (`stack.exportStack()`, deployment schema v3), each with
 * the Kubernetes object or Helm release it stands for. Only identities are read, never values.
 * @example stateResources(await stack.exportStack()).length // 0 after a destroy
 */
export function stateResources(exported: { readonly deployment?: unknown }): StateResource[] {
  const deployment = isRecord(exported.deployment) ? exported.deployment : {};
  const resources = Array.isArray(deployment.resources) ? deployment.resources : [];
  return resources.filter(isRecord).map((resource) => {
    const type = text(resource.type) ?? '';
    const outputs = isRecord(resource.outputs) ? resource.outputs : {};
    const object = type.startsWith('kubernetes:') ? objectRef(outputs) : undefined;
    const release = helmRelease(type, outputs);
    return {
      urn: text(resource.urn) ?? '',
      type,
      retainOnDelete: resource.retainOnDelete === true,
      ...(object ? { object } : {}),
      ...(release ? { helmRelease: release } : {}),
    };
  });
}
