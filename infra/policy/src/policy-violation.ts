/** One way an object breaks a rule, located precisely enough to fix. */
export interface PolicyViolation {
  /** A stable rule id such as `restricted/capabilities` or `schema`; tests and docs refer to it. */
  readonly rule: string;
  /** The object, as `Kind/name` (or `Kind/namespace/name`); empty for a bare pod spec. */
  readonly object: string;
  /** A JSON-pointer-like path inside the object, such as `/spec/template/spec/containers/0`. */
  readonly path: string;
  readonly message: string;
}

/** The shape every Kubernetes object shares; the rest is checked, never trusted. */
export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: {
    readonly name?: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [field: string]: unknown;
}

/**
 * Names an object the way violations do: `Deployment/slipway-dev/orders`.
 * @example describeObject({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'orders' } }) // 'Service/orders'
 */
export function describeObject(obj: unknown): string {
  if (!isKubernetesObject(obj)) return '';
  const { namespace, name = '(unnamed)' } = obj.metadata ?? {};
  return namespace ? `${obj.kind}/${namespace}/${name}` : `${obj.kind}/${name}`;
}

/**
 * True when a value has a string `apiVersion` and `kind`, the way every Kubernetes object does.
 * @example if (isKubernetesObject(value)) console.log(value.kind);
 */
export function isKubernetesObject(value: unknown): value is KubernetesObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { apiVersion?: unknown }).apiVersion === 'string' &&
    typeof (value as { kind?: unknown }).kind === 'string'
  );
}

/**
 * One line per violation, for assertion messages and CLI output.
 * @example expect(violations, formatViolations(violations)).toEqual([]);
 */
export function formatViolations(violations: readonly PolicyViolation[]): string {
  return violations
    .map((v) => `${v.rule}: ${v.object || '(pod spec)'}${v.path}: ${v.message}`)
    .join('\n');
}
