// @ts-check
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleSource } from './bundle-source.js';

/** Bundles written by this process: removed when it exits (a kill by signal leaves them to the OS temp cleaner). */
const written = new Set();
let sequence = 0;
let removesOnExit = false;

function removeWritten() {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
}

/**
 * Where this process saves the bundle of `entry`: a name of its own, so that processes
 * running at once never read or remove each other's.
 * @param {string} entry
 */
function bundlePath(entry) {
  const dir = join(tmpdir(), `slipway-run-source-${process.getuid?.() ?? 'user'}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  sequence += 1;
  return join(dir, `${basename(entry, extname(entry))}-${process.pid}-${sequence}.mjs`);
}

/** @type {typeof import('./index.js').writeSourceBundle} */
export async function writeSourceBundle(entry) {
  const path = entry instanceof URL ? fileURLToPath(entry) : entry;
  const outfile = bundlePath(path);
  const code = await bundleSource(path, { outfile });
  process.setSourceMapsEnabled(true);
  if (!removesOnExit) {
    process.on('exit', removeWritten);
    removesOnExit = true;
  }
  written.add(outfile);
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
    written.delete(outfile);
  }
}
