// @ts-check
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSource } from './bundle-source.js';

/**
 * This process's own folder for its bundles, made on first use (private to the user, with
 * a name no one can guess ahead) and removed when the process exits; a kill by signal
 * leaves it to the system's temporary-file cleaner.
 * @type {string | undefined}
 */
let folder;
let sequence = 0;

function bundleFolder() {
  if (folder === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'slipway-run-source-'));
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
    folder = made;
  }
  return folder;
}

/** @param {string} entry */
function bundlePath(entry) {
  sequence += 1;
  return join(bundleFolder(), `${basename(entry, extname(entry))}-${sequence}.mjs`);
}

/** @type {typeof import('./index.js').writeSourceBundle} */
export async function writeSourceBundle(entry) {
  const path = entry instanceof URL ? fileURLToPath(entry) : entry;
  const outfile = bundlePath(path);
  const code = await bundleSource(path, { outfile });
  process.setSourceMapsEnabled(true);
  writeFileSync(outfile, code, { mode: 0o600 });
  return outfile;
}

/** @type {typeof import('./index.js').importSource} */
export async function importSource(entry) {
  const outfile = await writeSourceBundle(entry);
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
