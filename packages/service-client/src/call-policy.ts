import { z } from 'zod';
import { type CallPolicy, resolveCallPolicy } from '@slipway/platform-contract';

const count = z.number().int('must be a whole number').min(0, 'must not be negative');
const overridesSchema = z.strictObject({
  timeoutMs: count.min(1, 'must be at least 1').optional(),
  maxConcurrent: count.optional(),
  retry: z
    .strictObject({
      attempts: count.optional(),
      budgetPercent: count.max(100, 'must be a percentage, 0–100').optional(),
      minPerSecond: count.optional(),
      backoffBaseMs: count.min(1, 'must be at least 1').optional(),
      backoffMaxMs: count.min(1, 'must be at least 1').optional(),
    })
    .optional(),
  breaker: z
    .strictObject({
      failurePercent: count.max(100, 'must be a percentage, 0–100').optional(),
      minimumCalls: count.min(1, 'must be at least 1').optional(),
      windowMs: count.min(10, 'must be at least 10').optional(),
      openMs: count.min(1, 'must be at least 1').optional(),
    })
    .optional(),
});

/**
 * A callee's `<CALLEE>_CALL_POLICY` config value: the JSON the platform sets from the
 * manifest's `calls` entry, or a part of it typed in a shell (each field left out keeps its
 * default from `callPolicyDefaults`); the defaults when the variable is unset. Put it in the
 * service's config schema and hand the result to `createServiceClient({ policy })`.
 * @example defineConfigSchema(defaults, { ORDERS_URL: z.url(), ORDERS_CALL_POLICY: callPolicySchema })
 */
export const callPolicySchema = z
  .string()
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.issues.push({
        code: 'custom',
        input: text,
        message: 'must be JSON such as {"timeoutMs":1500,"retry":{"attempts":0}}',
      });
      return z.NEVER;
    }
  })
  .pipe(overridesSchema)
  .transform((overrides): CallPolicy => resolveCallPolicy(overrides))
  .default(resolveCallPolicy());
