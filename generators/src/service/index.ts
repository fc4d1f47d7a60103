// What `npm create @slipway/service` calls, loaded from the repository it scaffolds into (so a
// fork's generator applies): the planner and the runner directly, plop only to ask in a terminal.
export { askQuestions } from '../shared/ask-questions.ts';
export type { GeneratorOptions, GeneratorReport, Question } from '../shared/generator.ts';
export { readRepoCatalog } from '../shared/repo-catalog.ts';
export { runGenerator } from '../shared/run-generator.ts';
export { serviceGenerator } from './service-generator.ts';
