import type { PromptQuestion } from 'node-plop';
import { descriptionProblem } from '../shared/description-problem.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import { serviceDatabases } from './service-answers.ts';
import {
  databaseProblem,
  nameProblem,
  nextFreePort,
  ownerProblem,
  portProblem,
  servicesProblem,
} from './service-rules.ts';

const orTrue = (problem: string | undefined) => problem ?? true;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
/** '3004' → 3004; anything that is not a whole number stays as typed, for the message. */
const toPort = (value: unknown) =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
/** `--calls a,b` bypasses the checkbox as a list; unknown names reach `validate`, which explains. */
const splitList = (value: string) =>
  value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');

/** A multiple choice of existing services, asked only when there are some. */
function checkbox(question: {
  name: string;
  message: string;
  choices: string[];
  validate: (value: unknown, answers: unknown) => string | true;
}): PromptQuestion {
  // node-plop takes `bypass` from the question: flags give `a,b`, not choice indexes.
  const withBypass = {
    type: 'checkbox',
    default: [],
    when: question.choices.length > 0,
    bypass: splitList,
    ...question,
  };
  return withBypass;
}

/**
 * The service generator's questions, in the order its flags are documented. Each default
 * is what `--yes` takes: the next free port, internal, no calls, no database, no cache, no
 * owner.
 * @example plop.setGenerator('service', { prompts: servicePrompts(catalog), actions })
 */
export function servicePrompts(catalog: RepoCatalog): PromptQuestion[] {
  const services = catalog.services.map((s) => s.name);
  const nameOf = (answers: unknown) =>
    typeof answers === 'object' && answers !== null ? text(Reflect.get(answers, 'name')) : '';
  return [
    {
      type: 'input',
      name: 'name',
      message: 'Service name (lowercase, digits and -, e.g. billing):',
      filter: text,
      validate: (value: unknown) => orTrue(nameProblem(text(value), catalog)),
    },
    {
      type: 'input',
      name: 'description',
      message: 'One-line description:',
      default: (answers: unknown) => `The ${nameOf(answers)} service.`,
      filter: text,
      validate: (value: unknown) => orTrue(descriptionProblem(text(value))),
    },
    {
      type: 'input',
      name: 'port',
      message: 'Port (unique in the repository):',
      default: String(nextFreePort(catalog)),
      filter: toPort,
      validate: (value: unknown) => orTrue(portProblem(toPort(value), catalog)),
    },
    {
      type: 'confirm',
      name: 'public',
      message: 'Public (reachable from the internet through the gateway)?',
      default: false,
    },
    checkbox({
      name: 'calls',
      message: 'Services it calls (space to select, enter when done):',
      choices: services,
      validate: (value: unknown, answers: unknown) =>
        orTrue(servicesProblem('calls', list(value), nameOf(answers), catalog)),
    }),
    checkbox({
      name: 'calledBy',
      message: 'Services that call it (space to select, enter when done):',
      choices: services,
      validate: (value: unknown, answers: unknown) =>
        orTrue(servicesProblem('calledBy', list(value), nameOf(answers), catalog)),
    }),
    {
      type: 'list',
      name: 'database',
      message: 'Database (postgres: Drizzle on PostgreSQL, PGlite locally, as orders):',
      choices: [...serviceDatabases],
      default: 'none',
      validate: (value: unknown) => orTrue(databaseProblem(value)),
    },
    {
      type: 'confirm',
      name: 'cache',
      message: 'A cache (Valkey/Redis in a cluster, in-process locally)?',
      default: false,
    },
    {
      type: 'input',
      name: 'owner',
      message: 'Owning team for CODEOWNERS (e.g. @acme/payments; empty for none):',
      filter: text,
      validate: (value: unknown) => orTrue(ownerProblem(text(value))),
    },
  ];
}
