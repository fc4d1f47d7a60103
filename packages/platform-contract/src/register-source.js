import { registerHooks } from 'node:module';

/**
 * Importing this module makes later imports read workspace packages from their TypeScript
 * source (the `@slipway/source` export condition), as tsc, vitest and the Pulumi programs do.
 * For entry points run with `node --import tsx` and no build: import this first, then the
 * entry's own modules with `await import(...)` (static imports resolve before it runs).
 * Plain JavaScript, so it resolves without a build itself.
 * @example import '@slipway/platform-contract/register-source'; const { main } = await import('./main.js');
 */
registerHooks({
  resolve(specifier, context, nextResolve) {
    const conditions = context.conditions.includes('@slipway/source')
      ? context.conditions
      : [...context.conditions, '@slipway/source'];
    return nextResolve(specifier, { ...context, conditions });
  },
});
