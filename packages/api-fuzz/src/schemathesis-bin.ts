import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fuzzEnvNames } from './fuzz-env.ts';

/**
 * The script that installs schemathesis and knows where it is; the same from `src/` and `dist/`.
 *
 * @example
 * console.error(`install schemathesis with ${installScript}`);
 */
export const installScript = fileURLToPath(new URL('../install-schemathesis.sh', import.meta.url));

/**
 * schemathesis is not where the fuzz tests look for it; the message says how to install it.
 *
 * @example
 * await expect(fuzzService(service)).rejects.toThrow(SchemathesisMissingError);
 */
export class SchemathesisMissingError extends Error {
  override readonly name = 'SchemathesisMissingError';
}

/**
 * The `st` binary to run: `SCHEMATHESIS_BIN` when set, else the one install-schemathesis.sh
 * installed (it answers `--check` with its path). Throws a {@link SchemathesisMissingError}
 * naming the command that installs it, so a fuzz test never passes without fuzzing.
 *
 * @example
 * const st = findSchemathesis(readFuzzEnv().schemathesisBin);
 */
export function findSchemathesis(fromEnv?: string, script = installScript): string {
  if (fromEnv !== undefined) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new SchemathesisMissingError(
      `${fuzzEnvNames.schemathesisBin} is ${fromEnv}, which does not exist. Unset it to use the ` +
        `schemathesis that \`${script}\` installs.`,
    );
  }
  const check = spawnSync('bash', [script, '--check'], { encoding: 'utf8' });
  const path = check.stdout?.trim();
  if (check.status === 0 && path) return path;
  const reason = (check.stderr || check.error?.message || '').trim();
  throw new SchemathesisMissingError(
    `The fuzz tests need schemathesis. ${reason}\nInstall it with:\n\n  ${script}\n\n` +
      `(CI runs the same command; or set ${fuzzEnvNames.schemathesisBin} to an \`st\` binary.)`,
  );
}
