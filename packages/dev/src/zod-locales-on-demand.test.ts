import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { zodLocalesOnDemand } from './zod-locales-on-demand.ts';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// Under the repository's node_modules, so the bundle finds zod there at run time, as a service's
// bundle finds it in its image.
const cacheDir = fileURLToPath(new URL('../../../node_modules/.cache', import.meta.url));
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'zod-locales-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const service = [
  "import { z } from 'zod';",
  'const english = z.string().safeParse(1).error.issues[0].message;',
  'z.config(z.locales.fr());',
  'const french = z.string().safeParse(1).error.issues[0].message;',
  'console.log(JSON.stringify({ english, french, locales: Object.keys(z.locales).length }));',
].join('\n');

async function bundle(name: string, plugins: Plugin[]): Promise<string> {
  const outfile = join(outDir, `${name}.js`);
  await build({
    stdin: { contents: service, resolveDir: packageDir, sourcefile: 'service.ts', loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    plugins,
    logLevel: 'silent',
  });
  return outfile;
}

const run = (outfile: string) =>
  JSON.parse(execFileSync(process.execPath, [outfile], { encoding: 'utf8' })) as unknown;

describe('zodLocalesOnDemand', () => {
  it('should bundle English only and load another locale on first use, with the same messages', async () => {
    const whole = await bundle('whole', []);
    const onDemand = await bundle('on-demand', [zodLocalesOnDemand]);

    expect(run(onDemand)).toEqual(run(whole));
    expect(run(onDemand)).toMatchObject({ french: expect.stringMatching(/^Entrée invalide/) });
    // zod's French locale text is in the whole bundle only (esbuild escapes its accents).
    expect(readFileSync(whole, 'utf8')).toContain('Valeur invalide dans');
    expect(readFileSync(onDemand, 'utf8')).not.toContain('Valeur invalide dans');
    expect(readFileSync(onDemand, 'utf8').length).toBeLessThan(
      readFileSync(whole, 'utf8').length * 0.7,
    );
  });
});
