import type { Question } from '@slipway/generators/service';
import type { Flags } from './parse-flags.ts';

/**
 * Each flag that answers a prompt of the service generator, by prompt name.
 * @example flagAnswers({ calledBy: 'gateway', ... }).calledBy // 'gateway'
 */
function flagAnswers(flags: Flags): Record<string, string | boolean | undefined> {
  return {
    name: flags.name,
    description: flags.description,
    port: flags.port,
    public: flags.public,
    calls: flags.calls,
    calledBy: flags.calledBy,
    owner: flags.owner,
    database: flags.database,
    cache: flags.cache,
  };
}

/**
 * The answers when nothing is asked (`--yes`, `--json`, no terminal): each prompt takes its
 * flag, else its default, in prompt order so a default can depend on an earlier answer.
 * The generator checks them all before it plans anything.
 * @example answersWithoutPrompts(questions, { name: 'billing', yes: true, ... })
 */
export function answersWithoutPrompts(
  prompts: readonly Question[],
  flags: Flags,
): Record<string, unknown> {
  const given = flagAnswers(flags);
  const answers: Record<string, unknown> = {};
  for (const prompt of prompts) {
    const name = String(prompt.name);
    const fallback: unknown = prompt.default;
    answers[name] = given[name] ?? (typeof fallback === 'function' ? fallback(answers) : fallback);
  }
  return answers;
}

/**
 * The answers given as flags in the form plop's prompt bypass takes, by prompt position:
 * `_` leaves a prompt to be asked.
 * @example bypassFromFlags(questions, { name: 'billing', public: true, ... }) // ['billing', '_', '_', 'yes', ...]
 */
export function bypassFromFlags(prompts: readonly Question[], flags: Flags): string[] {
  const given = flagAnswers(flags);
  return prompts.map((prompt) => {
    const value = given[String(prompt.name)];
    if (value === undefined) return '_';
    return typeof value === 'boolean' ? (value ? 'yes' : 'no') : value;
  });
}
