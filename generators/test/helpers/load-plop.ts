import { removeServiceGenerator } from '../../src/lifecycle/remove-service.ts';
import { renameServiceGenerator } from '../../src/lifecycle/rename-service.ts';
import { packageGenerator } from '../../src/package/package-generator.ts';
import { serviceGenerator } from '../../src/service/service-generator.ts';
import type { GeneratorOptions, GeneratorReport } from '../../src/shared/generator.ts';
import { runGenerator as run } from '../../src/shared/run-generator.ts';

/** What a generator run reported: its failures (none, or the refusal) and its report. */
export interface GeneratorRun {
  readonly failures: { type: string; error: string }[];
  readonly result: GeneratorReport | undefined;
}

const generators = {
  service: serviceGenerator,
  'remove-service': removeServiceGenerator,
  'rename-service': renameServiceGenerator,
  package: packageGenerator,
};

/**
 * Runs a generator of this repository in `root` with answers and run options, as `npm create`
 * does (no plop).
 */
export async function runGenerator(
  root: string,
  name: string,
  answers: Record<string, unknown>,
  options: GeneratorOptions = { link: false },
): Promise<GeneratorRun> {
  try {
    const generator = Reflect.get(generators, name) as Parameters<typeof run>[0] | undefined;
    if (!generator) throw new Error(`no generator ${name}`);
    return { failures: [], result: await run(generator, answers, root, options) };
  } catch (error) {
    return {
      failures: [{ type: name, error: error instanceof Error ? error.message : String(error) }],
      result: undefined,
    };
  }
}
