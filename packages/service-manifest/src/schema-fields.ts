import type { z } from 'zod';

/** The parts of a zod schema definition this walk reads; wrappers name their inner schema. */
interface SchemaDef {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly element?: z.ZodType;
  readonly valueType?: z.ZodType;
}

function definitionOf(schema: z.ZodType): SchemaDef {
  return schema._zod.def as unknown as SchemaDef;
}

/**
 * The field names an object schema accepts at a path of the data (array indexes and record
 * keys included), or an empty list when the path leads to no object.
 * @example fieldsAt(serviceManifestSchema, ['replicas']) // ['min', 'max']
 */
export function fieldsAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: z.ZodType | undefined = schema;
  let rest = [...path];
  while (current) {
    const def = definitionOf(current);
    if (def.innerType) current = def.innerType;
    // A preprocessed schema's fields are those of the schema after the preprocessing.
    else if (def.type === 'pipe')
      current = def.in && definitionOf(def.in).type === 'transform' ? def.out : def.in;
    else if (rest.length === 0) return def.shape ? Object.keys(def.shape) : [];
    else {
      const [key, ...tail] = rest;
      rest = tail;
      if (def.shape) current = def.shape[String(key)];
      else current = def.element ?? def.valueType;
    }
  }
  return [];
}
