import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crdSchemaEntry, crdSchemaIndex, validateCustomResource } from './crd-schemas.ts';
import {
  describeObject,
  isKubernetesObject,
  type KubernetesObject,
  type PolicyViolation,
} from './policy-violation.ts';

/**
 * The Kubernetes version whose OpenAPI schema objects are validated against: the one
 * kubernetes-models 5 is generated from (its 5.0.0 changelog: "Update to Kubernetes v1.36.0",
 * the newest schema it ships). Bump both together.
 */
export const kubernetesSchemaVersion = '1.36.0';

type ModelClass = (new (
  data: unknown,
) => { validate(): void }) & {
  readonly apiVersion?: string;
  readonly kind?: string;
};

interface SchemaError {
  readonly instancePath?: string;
  readonly message?: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

// The per-kind model files are loaded on demand: importing all 1,700 would cost seconds per
// test file for the handful of kinds a program produces. They are ES modules without top-level
// await, which Node's require() loads synchronously, so validation stays a plain function.
const requireModel = createRequire(import.meta.url);
const modelsFolder = dirname(requireModel.resolve('kubernetes-models/package.json'));
const models = new Map<string, ModelClass | undefined>();

const builtInGroups = new Set(['apps', 'autoscaling', 'batch', 'policy', 'extensions']);
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const labelValue = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;
const qualifiedName = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

/** Core and `*.k8s.io` groups are Kubernetes' own; anything else is a custom resource. */
function isBuiltInGroup(group: string): boolean {
  return group === '' || builtInGroups.has(group) || group.endsWith('.k8s.io');
}

function loadModel(apiVersion: string, kind: string): ModelClass | undefined {
  const key = `${apiVersion}/${kind}`;
  if (models.has(key)) return models.get(key);
  let model: ModelClass | undefined;
  if (
    /^([a-z0-9.-]+\/)?v\d+((alpha|beta)\d+)?$/.test(apiVersion) &&
    /^[A-Z][A-Za-z0-9]*$/.test(kind)
  ) {
    const file = join(modelsFolder, `${key}.js`);
    if (existsSync(file)) {
      const exported = (requireModel(file) as Record<string, unknown>)[kind];
      const candidate = exported as ModelClass | undefined;
      // Files such as v1/PodSpec also exist; only top-level kinds carry apiVersion and kind.
      if (candidate?.apiVersion === apiVersion && candidate.kind === kind) model = candidate;
    }
  }
  models.set(key, model);
  return model;
}

/**
 * True when {@link validateKubernetesObject} has a schema for this kind: a built-in kind of the
 * pinned Kubernetes version, or a custom resource whose published CRD schema is stored in
 * `crd-schemas/` (Gateway API, Envoy Gateway, cert-manager, Velero).
 * @example hasKubernetesSchema({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway' }) // true
 */
export function hasKubernetesSchema(obj: Pick<KubernetesObject, 'apiVersion' | 'kind'>): boolean {
  return (
    crdSchemaEntry(obj.apiVersion, obj.kind) !== undefined ||
    loadModel(obj.apiVersion, obj.kind) !== undefined
  );
}

function describeSchemaError(error: SchemaError): string {
  const allowed = error.params?.allowedValues;
  const base = error.message ?? 'is invalid';
  return Array.isArray(allowed) ? `${base}: ${allowed.join(', ')}` : base;
}

function checkMetadata(obj: KubernetesObject, violation: Violate): void {
  const { name, labels = {}, annotations = {} } = obj.metadata ?? {};
  if (!name) violation('metadata/name', '/metadata/name', 'is required');
  else if (name.length > 253 || !dns1123Subdomain.test(name))
    violation('metadata/name', '/metadata/name', `'${name}' is not a DNS-1123 subdomain`);
  for (const [key, value] of Object.entries(labels)) {
    if (!isQualifiedKey(key))
      violation('metadata/labels', `/metadata/labels/${key}`, 'is not a valid label key');
    if (typeof value !== 'string' || value.length > 63 || !labelValue.test(value))
      violation(
        'metadata/labels',
        `/metadata/labels/${key}`,
        `'${String(value)}' is not a valid label value (at most 63 of [A-Za-z0-9-_.], alphanumeric at both ends)`,
      );
  }
  for (const key of Object.keys(annotations)) {
    if (!isQualifiedKey(key))
      violation('metadata/annotations', `/metadata/annotations/${key}`, 'is not a valid key');
  }
}

function isQualifiedKey(key: string): boolean {
  const parts = key.split('/');
  if (parts.length > 2) return false;
  const name = parts.at(-1) ?? '';
  const prefix = parts.length === 2 ? parts[0] : undefined;
  if (prefix !== undefined && (prefix.length > 253 || !dns1123Subdomain.test(prefix))) return false;
  return name.length <= 63 && qualifiedName.test(name);
}

type Violate = (rule: string, path: string, message: string) => void;

/** A GA apiVersion of the same custom kind, when the object uses an alpha/beta one and a GA one is stored. */
function stableCustomVersion(obj: KubernetesObject): string | undefined {
  const group = groupOf(obj.apiVersion);
  if (/^v\d+$/.test(obj.apiVersion.slice(group.length + 1))) return undefined;
  return Object.keys(crdSchemaIndex.kinds)
    .map((key) => key.split('/'))
    .filter(
      ([g, version, kind]) => g === group && kind === obj.kind && /^v\d+$/.test(version ?? ''),
    )
    .map(([g, version]) => `${g}/${version}`)[0];
}

/**
 * Validates one object against the official OpenAPI schema of Kubernetes
 * {@link kubernetesSchemaVersion} (through kubernetes-models), refuses alpha/beta and removed
 * API versions, and checks what the schema cannot express but the API server enforces:
 * object names and label syntax. A custom resource is validated against its CRD's published
 * `openAPIV3Schema` at the pinned version (`crd-schemas/`), unknown fields included; a kind
 * with neither schema is an error (`schema/unknown-kind`), never a silent pass.
 * The built-in schema does not forbid unknown fields; typed `@pulumi/kubernetes` inputs catch those.
 * @returns every violation; an empty array when the object is valid.
 * @example expect(validateKubernetesObject(deployment)).toEqual([]);
 */
export function validateKubernetesObject(obj: unknown): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const object = describeObject(obj);
  const violation: Violate = (rule, path, message) =>
    violations.push({ rule, object, path, message });
  if (!isKubernetesObject(obj)) {
    violation('schema', '', 'is not a Kubernetes object: apiVersion and kind must be strings');
    return violations;
  }
  checkMetadata(obj, violation);
  // Stored CRD schemas first: Gateway API's group ends in .k8s.io but is not built in.
  const customErrors = validateCustomResource(obj);
  if (customErrors) {
    const stable = stableCustomVersion(obj);
    if (stable)
      violation(
        'api/not-stable',
        '/apiVersion',
        `${obj.apiVersion} is an alpha/beta API: use ${stable} for ${obj.kind}`,
      );
    for (const { path, message } of customErrors) violation('schema', path, message);
    return violations;
  }
  const group = groupOf(obj.apiVersion);
  if (!isBuiltInGroup(group)) {
    violation(
      'schema/unknown-kind',
      '/kind',
      `${obj.apiVersion} ${obj.kind} is a custom resource without a stored schema (stored: ${Object.keys(crdSchemaIndex.sources).join(', ')}); add its CRD to infra/policy/scripts/refresh-crd-schemas.ts`,
    );
    return violations;
  }

  const version = obj.apiVersion.slice(group ? group.length + 1 : 0);
  if (!/^v\d+$/.test(version)) {
    violation(
      'api/not-stable',
      '/apiVersion',
      `${obj.apiVersion} is an alpha/beta or removed API: use the GA version of ${obj.kind}`,
    );
  }
  const Model = loadModel(obj.apiVersion, obj.kind);
  if (!Model) {
    violation(
      'schema/unknown-kind',
      '/kind',
      `${obj.apiVersion} ${obj.kind} is not in the Kubernetes ${kubernetesSchemaVersion} schema`,
    );
    return violations;
  }
  try {
    new Model(obj).validate();
  } catch (error) {
    const errors = (error as { errors?: readonly SchemaError[] }).errors;
    if (!Array.isArray(errors)) throw error;
    for (const schemaError of errors) {
      violation('schema', schemaError.instancePath ?? '', describeSchemaError(schemaError));
    }
  }
  return violations;
}
