// The first task of `npm test`: every service.yaml is checked once, before any workspace's
// tasks run, so a broken manifest stops the run with one clear message instead of N failures.
// Usage: node --import tsx packages/service-manifest/bin/check-manifests.ts [repo root]
import { checkManifests } from '../src/check-manifests.js';

const report = checkManifests(process.argv[2] ?? process.cwd());
if (report !== undefined) {
  console.error(report);
  process.exitCode = 1;
}
