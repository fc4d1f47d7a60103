import type { Question } from './generator.ts';

/**
 * Asks the questions a terminal is to answer, through plop (inquirer): plop is the prompt
 * interface, loaded only here. `bypass` answers some by position, as plop's flags do (`_`
 * leaves one to be asked).
 * @example await askQuestions(root, serviceGenerator.questions(catalog), ['billing', '_'])
 */
export async function askQuestions(
  root: string,
  questions: readonly Question[],
  bypass: readonly string[],
): Promise<Record<string, unknown>> {
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  plop.setGenerator('questions', { description: '', prompts: [...questions], actions: [] });
  const answers: unknown = await plop.getGenerator('questions').runPrompts([...bypass]);
  return typeof answers === 'object' && answers !== null ? { ...answers } : {};
}
