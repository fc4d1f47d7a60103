import { z } from 'zod';

/** Splits `a,b` (a flag) or takes a list (a prompt); empty entries and repeats are dropped. */
const serviceList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',') : value === undefined ? [] : value),
  z
    .array(z.string())
    .transform((names) => [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))]),
);

const optionalText = z.preprocess(
  (value) => (value === undefined || value === null ? '' : value),
  z.string().transform((text) => text.trim()),
);

/**
 * The service generator's answers as prompts or flags give them (strings, lists, numbers),
 * normalized. Only the shape is checked here; {@link checkServiceAnswers} checks them
 * against the repository.
 */
export const serviceAnswersSchema = z.object({
  name: optionalText,
  description: optionalText,
  // '3004' → 3004; anything else ('abc', '30.5') stays as typed, so the refusal quotes it.
  port: z.preprocess(
    (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.unknown(),
  ),
  public: z.preprocess(
    (value) => (typeof value === 'string' ? ['y', 'yes', 'true'].includes(value) : value),
    z.boolean().default(false),
  ),
  calls: serviceList,
  calledBy: serviceList,
  owner: optionalText,
  // Checked by the rules, so a refusal quotes what was typed.
  database: z.preprocess(
    (value) => (value === undefined || value === '' ? 'none' : value),
    z.unknown(),
  ),
  cache: z.preprocess(
    (value) => (typeof value === 'string' ? ['y', 'yes', 'true'].includes(value) : value),
    z.boolean().default(false),
  ),
});

/** The databases a new service can be scaffolded with; `none` writes no database code. */
export const serviceDatabases = ['none', 'postgres'] as const;

/** One of {@link serviceDatabases}. */
export type ServiceDatabase = (typeof serviceDatabases)[number];

/** Checked answers: what the service generator writes. */
export interface ServiceAnswers {
  readonly name: string;
  readonly description: string;
  readonly port: number;
  readonly public: boolean;
  readonly calls: readonly string[];
  readonly calledBy: readonly string[];
  /** A CODEOWNERS handle, or empty for none. */
  readonly owner: string;
  /** `postgres`: Drizzle on PostgreSQL (PGlite locally), migrations at start-up, as orders. */
  readonly database: ServiceDatabase;
  /** Its own cache (`cache:` in the manifest): Valkey/Redis in a cluster, in-process locally. */
  readonly cache: boolean;
}
