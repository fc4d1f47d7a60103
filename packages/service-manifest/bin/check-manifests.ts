// The first task of `npm test`: every service.yaml is checked once, before any workspace's
// tasks run, so a broken manifest stops the run with one clear message instead of N failures.
// Warnings (egress wider than it should be) are printed but do not fail the run.
// Usage: node --conditions=@slipway/source packages/service-manifest/bin/check-manifests.ts [root]
// Runs without a build: Node strips the types, and workspace packages (the platform contract)
// are read from source through the condition (npm scripts get it from .npmrc).
import { checkManifests } from '../src/check-manifests.ts';

const { errors, warnings } = checkManifests(process.argv[2] ?? process.cwd());
for (const warning of warnings) console.warn(`warning: ${warning}`);
if (errors !== undefined) {
  console.error(errors);
  process.exitCode = 1;
}
