import { z } from 'zod';
import { type CallPolicy, callPolicyDefaults, resolveCallPolicy } from '@slipway/platform-contract';
import { nearestName } from './nearest-name.ts';
import { fieldsAt } from './schema-fields.ts';
import { serviceNameSchema } from './service-name.ts';

function wholeNumber(what: string, min: number, max: number) {
  return z
    .number()
    .int(`must be a whole number of ${what}`)
    .min(min, `must be at least ${min} (${what}); ${min}–${max} is allowed`)
    .max(max, `must be at most ${max} (${what}); ${min}–${max} is allowed`);
}

const percent = (what: string) => wholeNumber(`percent ${what}`, 0, 100);

/**
 * One entry of `calls:` written as a map: the callee and what differs from
 * `callPolicyDefaults` (platform contract) for calls to it. Every field but `service` is optional.
 * @example callDeclarationSchema.parse({ service: 'orders', timeoutMs: 1500, retry: { attempts: 0 } })
 */
export const callDeclarationSchema = z.strictObject({
  service: serviceNameSchema,
  /** The call's deadline (ms); a request's own remaining deadline shortens it. */
  timeoutMs: wholeNumber('ms', 1, 600_000).optional(),
  /** Calls in flight beyond which new ones fail fast; 0 is unbounded. */
  maxConcurrent: wholeNumber('calls', 0, 100_000).optional(),
  retry: z
    .strictObject({
      /** Retries of an idempotent request after its first attempt; 0 turns retries off. */
      attempts: wholeNumber('retries', 0, 10).optional(),
      budgetPercent: percent('of recent calls that may be retries').optional(),
      minPerSecond: wholeNumber('retries per second', 0, 1_000).optional(),
      backoffBaseMs: wholeNumber('ms', 1, 60_000).optional(),
      backoffMaxMs: wholeNumber('ms', 1, 60_000).optional(),
    })
    .optional(),
  breaker: z
    .strictObject({
      /** Percent of failed calls in the window that opens the breaker; 0 turns it off. */
      failurePercent: percent('of failed calls').optional(),
      minimumCalls: wholeNumber('calls', 1, 100_000).optional(),
      windowMs: wholeNumber('ms', 1_000, 600_000).optional(),
      openMs: wholeNumber('ms', 100, 600_000).optional(),
    })
    .optional(),
});

/** A `calls:` entry written as a map, after validation. */
export type CallDeclaration = z.output<typeof callDeclarationSchema>;

/** The manifest's wording for a field that does not exist, with the nearest valid one. */
function unknownField(key: string, path: readonly PropertyKey[]): string {
  const valid = fieldsAt(callDeclarationSchema, path);
  const meant = nearestName(key, valid);
  if (meant !== undefined) return `unknown field(s) '${key}': did you mean '${meant}'?`;
  return `unknown field(s) '${key}': remove it; valid fields here: ${valid.join(', ')}`;
}

/**
 * One entry of `calls:`: a service name (`orders`) or a map (`{ service: orders, timeoutMs:
 * 1500 }`), always a {@link CallDeclaration} once parsed. It dispatches on the entry's shape
 * itself, so an error names the bad field rather than "matches neither form".
 */
export const callEntrySchema = z
  .custom<string | z.input<typeof callDeclarationSchema>>(() => true)
  .transform((entry, ctx): CallDeclaration => {
    const isMap = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
    if (!isMap && typeof entry !== 'string') {
      ctx.issues.push({
        code: 'custom',
        input: entry,
        message:
          'must be a service name (orders) or a map with the callee and its call policy ({ service: orders, timeoutMs: 1500 })',
      });
      return z.NEVER;
    }
    const result = isMap
      ? callDeclarationSchema.safeParse(entry)
      : serviceNameSchema.transform((service) => ({ service })).safeParse(entry);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      // Issues found inside the entry keep their code and path (prefixed with the entry's).
      if (issue.code !== 'unrecognized_keys')
        ctx.issues.push({ ...issue, input: entry } as z.core.$ZodRawIssue);
      else
        for (const key of issue.keys)
          ctx.issues.push({
            code: 'custom',
            input: entry,
            path: issue.path,
            message: unknownField(key, issue.path),
          });
    }
    return z.NEVER;
  });

/** Checks of `calls:` as a whole: each callee once, and the backoff's bounds in order. */
export function checkCallDeclarations(
  declarations: readonly CallDeclaration[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  declarations.forEach(({ service, retry }, i) => {
    if (seen.has(service))
      ctx.addIssue({
        code: 'custom',
        path: ['calls', i],
        message: `names '${service}' again: declare each callee once, with its whole policy`,
      });
    seen.add(service);
    const base = retry?.backoffBaseMs ?? callPolicyDefaults.retry.backoffBaseMs;
    const max = retry?.backoffMaxMs ?? callPolicyDefaults.retry.backoffMaxMs;
    if (max < base)
      ctx.addIssue({
        code: 'custom',
        path: [
          'calls',
          i,
          'retry',
          retry?.backoffMaxMs === undefined ? 'backoffBaseMs' : 'backoffMaxMs',
        ],
        message:
          retry?.backoffMaxMs === undefined
            ? `must not exceed backoffMaxMs (${max})`
            : `must not be below backoffBaseMs (${base})`,
      });
  });
}

/**
 * A manifest already validated once has `calls` as names and its declarations apart: put them
 * back into `calls`, so that validating a validated manifest again (infra does) keeps them.
 */
export function restoreCallDeclarations(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('callDeclarations' in raw)) return raw;
  const { callDeclarations, ...manifest } = raw as Record<string, unknown>;
  const calls = (manifest as { calls?: unknown }).calls;
  if (!Array.isArray(calls) || typeof callDeclarations !== 'object' || callDeclarations === null)
    return raw;
  const declared = callDeclarations as Record<string, unknown>;
  return {
    ...manifest,
    calls: calls.map((entry) => (typeof entry === 'string' ? (declared[entry] ?? entry) : entry)),
  };
}

/** What a manifest says about its calls: each callee's declaration, by name. */
interface DeclaresCalls {
  readonly calls: readonly string[];
  /** Absent from a manifest built in code rather than validated: every callee takes the defaults. */
  readonly callDeclarations?: Readonly<Record<string, CallDeclaration>>;
}

/**
 * The call policy of each callee, by name: `callPolicyDefaults` with the manifest's
 * declaration over it, field by field. The platform sets each as `<CALLEE>_CALL_POLICY`.
 * @example resolveCallPolicies(gateway).orders.timeoutMs // 3000
 */
export function resolveCallPolicies(manifest: DeclaresCalls): Record<string, CallPolicy> {
  return Object.fromEntries(
    manifest.calls.map((callee) => [
      callee,
      resolveCallPolicy(manifest.callDeclarations?.[callee]),
    ]),
  );
}
