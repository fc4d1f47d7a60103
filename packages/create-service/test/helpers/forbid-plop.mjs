// Loaded with `node --import` by the test that proves `npm create` needs no plop without a
// terminal: resolving plop, node-plop or inquirer fails the run, naming what asked for it.
import { registerHooks } from 'node:module';

const plop = /(^|[\\/]node_modules[\\/])(node-plop|plop|inquirer|@inquirer[\\/][^\\/]+)([\\/]|$)/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    if (plop.test(specifier) || plop.test(resolved.url)) {
      throw new Error(`plop was loaded: ${specifier} (imported by ${context.parentURL})`);
    }
    return resolved;
  },
});
