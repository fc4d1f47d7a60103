import type { z } from 'zod';
import { describeExpected, describeValue } from './describe-value.ts';
import { nearestName } from './nearest-name.ts';
import { fieldsAt } from './schema-fields.ts';

/** One problem a schema issue describes, before it is given its file and location. */
export interface DescribedIssue {
  /** The path of the value at fault in the manifest's data. */
  readonly path: readonly PropertyKey[];
  /** For a field that should not be there: its name, in the map at `path`. */
  readonly key?: string;
  readonly message: string;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function unknownField(key: string, valid: readonly string[]): string {
  const meant = nearestName(key, valid);
  if (meant !== undefined) return `unknown field(s) '${key}': did you mean '${meant}'?`;
  const listed = valid.length > 0 ? `; valid fields here: ${valid.join(', ')}` : '';
  return `unknown field(s) '${key}': remove it${listed}`;
}

/**
 * Turns one zod issue into messages a manifest author can act on: the nearest valid name
 * for an unknown field, the expected type and the value got for a wrong one.
 * @example describeIssue(issue, { port: 'abc' }, serviceManifestSchema) // [{ path: ['port'], message: "expected number, got string 'abc'" }]
 */
export function describeIssue(
  issue: z.core.$ZodIssue,
  data: unknown,
  schema: z.ZodType,
): DescribedIssue[] {
  const path = issue.path;
  const value = valueAt(data, path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const valid = fieldsAt(schema, path);
      return issue.keys.map((key) => ({ path, key, message: unknownField(key, valid) }));
    }
    case 'invalid_type': {
      const expected = describeExpected(issue.expected);
      const message =
        value === undefined
          ? `is required: expected ${expected}`
          : `expected ${expected}, got ${describeValue(value)}`;
      return [{ path, message }];
    }
    case 'invalid_value': {
      const options = issue.values.map((v) => `'${String(v)}'`).join(', ');
      return [{ path, message: `expected one of ${options}, got ${describeValue(value)}` }];
    }
    default: {
      const shown = ['string', 'number', 'boolean'].includes(typeof value);
      return [
        { path, message: shown ? `${issue.message}, got ${describeValue(value)}` : issue.message },
      ];
    }
  }
}
