import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** `crd-schemas/index.json`: which published schema each custom resource kind is checked against. */
export interface CrdSchemaIndex {
  /** The script that wrote the folder; rerun it rather than editing the files. */
  readonly generatedBy: string;
  /** Go module → version the schemas were taken from (infra/platform's `crdSchemaSources`). */
  readonly sources: Readonly<Record<string, string>>;
  /** `<group>/<version>/<Kind>` → where its schema is. */
  readonly kinds: Readonly<
    Record<
      string,
      {
        readonly source: string;
        readonly scope: 'Namespaced' | 'Cluster';
        /** Relative to the `crd-schemas` folder. */
        readonly file: string;
      }
    >
  >;
}

/** One way an object breaks its CRD schema: a JSON-pointer-like path and a message. */
export interface CrdSchemaError {
  readonly path: string;
  readonly message: string;
}

type Schema = { [keyword: string]: unknown };

const folder = new URL('../crd-schemas/', import.meta.url);

/** The index of the stored CRD schemas, with the module versions they were taken from. */
export const crdSchemaIndex: CrdSchemaIndex = JSON.parse(
  readFileSync(new URL('index.json', folder), 'utf8'),
) as CrdSchemaIndex;

// Kubernetes' structural-schema extensions are annotations to a JSON Schema validator; CEL rules
// (`x-kubernetes-validations`) and list-map semantics are the API server's job, not checked here.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
ajv.addVocabulary([
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-int-or-string',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
]);
const validators = new Map<string, ValidateFunction>();

/**
 * The API server prunes (or, with strict field validation, rejects) fields a structural schema
 * does not declare; a misspelled field must fail here too, so every object schema that lists
 * its properties and does not preserve unknown fields gets `additionalProperties: false`. Go
 * regular expressions' inline flags are rewritten as JavaScript reads them.
 */
function closeObjects(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (typeof schema !== 'object' || schema === null) return schema;
  const closed: Schema = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]),
  );
  // Go's inline case-insensitive flag, `^(?i)(abort|warn)?$` in PrometheusRule: JavaScript
  // has no bare `(?i)`, only the scoped modifier group `(?i:...)` over the rest of the pattern.
  if (typeof closed.pattern === 'string' && closed.pattern.includes('(?i)')) {
    const [head, tail] = closed.pattern.split('(?i)', 2) as [string, string];
    closed.pattern = `${head}(?i:${tail})`;
  }
  if (
    closed.properties !== undefined &&
    closed.additionalProperties === undefined &&
    closed['x-kubernetes-preserve-unknown-fields'] !== true
  ) {
    closed.additionalProperties = false;
  }
  return closed;
}

/**
 * Where the stored schema of a custom resource kind is, or undefined when none is stored.
 * @example crdSchemaEntry('gateway.networking.k8s.io/v1', 'Gateway')?.scope // 'Namespaced'
 */
export function crdSchemaEntry(
  apiVersion: string,
  kind: string,
): CrdSchemaIndex['kinds'][string] | undefined {
  return crdSchemaIndex.kinds[`${apiVersion}/${kind}`];
}

function validatorFor(apiVersion: string, kind: string): ValidateFunction | undefined {
  const key = `${apiVersion}/${kind}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const entry = crdSchemaEntry(apiVersion, kind);
  if (!entry) return undefined;
  const schema = JSON.parse(readFileSync(new URL(entry.file, folder), 'utf8')) as unknown;
  const validate = ajv.compile(closeObjects(schema) as Schema);
  validators.set(key, validate);
  return validate;
}

function describe(error: ErrorObject): CrdSchemaError {
  const { additionalProperty, allowedValues } = error.params as {
    additionalProperty?: string;
    allowedValues?: unknown[];
  };
  if (error.keyword === 'additionalProperties' && additionalProperty !== undefined) {
    return { path: `${error.instancePath}/${additionalProperty}`, message: 'is not a known field' };
  }
  const message = error.message ?? 'is invalid';
  return {
    path: error.instancePath,
    message: allowedValues ? `${message}: ${allowedValues.join(', ')}` : message,
  };
}

/**
 * Validates an object against the stored schema of its custom resource kind.
 * @returns the errors (empty when valid), or undefined when no schema is stored for the kind.
 * @example validateCustomResource(gateway) // [{ path: '/spec/listeners/0/port', message: 'must be integer' }]
 */
export function validateCustomResource(obj: {
  readonly apiVersion: string;
  readonly kind: string;
}): CrdSchemaError[] | undefined {
  const validate = validatorFor(obj.apiVersion, obj.kind);
  if (!validate) return undefined;
  if (validate(obj)) return [];
  return (validate.errors ?? []).map(describe);
}
