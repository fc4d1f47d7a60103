import type { NodePlopAPI, PlopGeneratorConfig } from 'node-plop';
import type { Generator } from './generator.ts';
import type { RepoCatalog } from './repo-catalog.ts';
import { formatNextSteps, nextStepsAfter, runGenerator } from './run-generator.ts';

/**
 * A generator as plop takes it: plop asks the questions, and its one action hands the answers
 * to {@link runGenerator}, which plans and writes. Plop is the prompt interface only.
 * @example plop.setGenerator('service', plopGenerator(plop, serviceGenerator, catalog));
 */
export function plopGenerator<Answers>(
  plop: NodePlopAPI,
  generator: Generator<Answers>,
  catalog: RepoCatalog,
): PlopGeneratorConfig {
  // Async, so a refusal reaches plop as a failure it prints, not as a crash.
  const generate = async (answers: object) => {
    const lines: string[] = [];
    const report = await runGenerator(generator, answers, plop.getDestBasePath(), {
      onStep: (step, detail) => lines.push(`${step}: ${detail}`),
    });
    const steps = lines.map((line) => `  ${line}`);
    return [generator.name, ...steps, ...formatNextSteps(nextStepsAfter(report))].join('\n');
  };
  return {
    description:
      typeof generator.description === 'string'
        ? generator.description
        : generator.description(catalog),
    prompts: generator.questions(catalog),
    actions: [generate],
  };
}
