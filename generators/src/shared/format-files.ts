import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { PlannedFile } from './change-plan.ts';

/** The repository's Biome: its native binary when found (one process less), else its launcher. */
function findBiome(root: string): { command: string; args: string[] } | undefined {
  const require = createRequire(join(root, 'package.json'));
  const binary = process.platform === 'win32' ? 'biome.exe' : 'biome';
  try {
    const launcher = require.resolve('@biomejs/biome/bin/biome');
    try {
      const native = createRequire(launcher).resolve(
        `@biomejs/cli-${process.platform}-${process.arch}/${binary}`,
      );
      return { command: native, args: [] };
    } catch {
      return { command: process.execPath, args: [launcher] };
    }
  } catch {
    return undefined;
  }
}

/** Files Biome formats; lockfiles it leaves alone anyway. */
const formattable = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|json|jsonc)$/;
const isFormattable = (path: string) =>
  formattable.test(path) && !basename(path).endsWith('-lock.json');

/** Options for {@link formatFiles}. */
export interface FormatOptions {
  /**
   * The Biome settings (a biome.json's text) to use instead of the repository's: `init` formats
   * the renamed files with the renamed settings, whose import groups name the new scope.
   */
  readonly settings?: string;
}

/**
 * Formats files and sorts their imports with the repository's own Biome settings, so what a
 * generator writes passes `biome check` whatever the names in it: a 63-character service
 * name wraps lines differently, and `init` sorts the renamed files by the renamed settings, whose
 * import group of the platform's packages names the new scope. Only formatting and import order change, never code. Files Biome does not
 * format are returned as they are, and so is everything when Biome is not installed.
 * @throws Error when Biome cannot parse a file: a template produced invalid code.
 * @example const formatted = formatFiles(repoRoot, renderTemplateFolder(dir, view));
 */
export function formatFiles(
  root: string,
  files: readonly PlannedFile[],
  { settings }: FormatOptions = {},
): PlannedFile[] {
  const biome = findBiome(root);
  const targets = files.filter((file) => isFormattable(file.path));
  const hasSettings = settings !== undefined || existsSync(join(root, 'biome.json'));
  if (!biome || !hasSettings || targets.length === 0) return [...files];
  const dir = mkdtempSync(join(tmpdir(), 'slipway-format-'));
  // Given settings live beside the files, not among them: Biome would format them too.
  const settingsDir = `${dir}-settings`;
  const config =
    settings === undefined ? join(root, 'biome.json') : join(settingsDir, 'biome.json');
  try {
    if (settings !== undefined) {
      mkdirSync(settingsDir);
      writeFileSync(config, settings);
    }
    for (const file of targets) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const result = spawnSync(
      biome.command,
      [
        ...biome.args,
        'check',
        '--write',
        '--linter-enabled=false',
        `--config-path=${config}`,
        '--vcs-enabled=false',
        dir,
      ],
      { encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Error(`the rendered files do not format:\n${result.stdout}${result.stderr}`);
    }
    return files.map((file) =>
      isFormattable(file.path)
        ? { ...file, content: readFileSync(join(dir, file.path), 'utf8') }
        : file,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(settingsDir, { recursive: true, force: true });
  }
}
