import { execFileSync } from 'node:child_process';
import { describe, it } from 'vitest';

/** The variable `infra/observability/promtool/build.sh` exports when sourced: promtool's path. */
const promtoolVariable = 'SLIPWAY_PROMTOOL';

/** What promtool printed, and whether it succeeded. */
interface PromtoolResult {
  readonly ok: boolean;
  readonly output: string;
}

/** Runs promtool with `args` in `cwd`. */
export type RunPromtool = (args: readonly string[], cwd: string) => PromtoolResult;

function runWith(promtool: string): RunPromtool {
  return (args, cwd) => {
    try {
      const output = execFileSync(promtool, args, { cwd, encoding: 'utf8', stdio: 'pipe' });
      return { ok: true, output };
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      return { ok: false, output: `${stdout}${stderr}` };
    }
  };
}

/**
 * A suite that needs promtool: skipped, saying why, where it was not built; failing in CI
 * (`CI=true`), which always builds it, so the rules are never left unchecked there.
 * @example describeWithPromtool('rules', (promtool) => it('parse', () => promtool(['check', 'rules', 'rules.yaml'], dir)));
 */
export function describeWithPromtool(title: string, body: (promtool: RunPromtool) => void): void {
  const promtool = process.env[promtoolVariable];
  if (promtool) {
    describe(title, () => body(runWith(promtool)));
  } else if (process.env.CI === 'true') {
    describe(title, () => {
      it('finds promtool, which CI always builds', () => {
        throw new Error(
          `${promtoolVariable} is not set: .ci/run sources infra/observability/promtool/build.sh before npm test`,
        );
      });
    });
  } else {
    describe.skip(`${title} (skipped: ${promtoolVariable} is not set; run \`source infra/observability/promtool/build.sh\` first)`, () =>
      body(runWith('promtool')));
  }
}
