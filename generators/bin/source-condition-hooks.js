/**
 * Module resolution hooks that resolve workspace packages through their "@slipway/source"
 * export condition, as `node --conditions=@slipway/source` would, so the generators run
 * from TypeScript source with nothing built.
 */
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('@slipway/source')
    ? context.conditions
    : ['@slipway/source', ...context.conditions];
  return nextResolve(specifier, { ...context, conditions });
}
