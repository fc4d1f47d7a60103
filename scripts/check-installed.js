#!/usr/bin/env node
// The root's `predev`, `pretest`, `pregen`, `preinit`, `presync`, `prerender`, `prebuild`,
// `prelint` and `pretypecheck`: before `npm install` those would only say `sh: turbo: not found`
// or print a module-not-found stack trace. Plain Node with no imports from node_modules (nothing
// is installed yet) and no work: instant.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

if (!existsSync(join(process.cwd(), 'node_modules', '.bin', 'turbo'))) {
  console.error('Dependencies are not installed: run `npm install` first.');
  process.exit(1);
}
