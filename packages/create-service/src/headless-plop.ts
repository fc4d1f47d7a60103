import type { ActionConfig, CustomActionFunction, NodePlopAPI, PlopGenerator } from 'node-plop';

/** A generator as the CLI uses it: its prompts, and a way to run its actions. */
export type ActionRunner = Pick<PlopGenerator, 'prompts' | 'runActions'>;

/** What a plopfile default-exports. */
export type Plopfile = (plop: NodePlopAPI) => void | Promise<void>;

/** The plopfile or the generator asked for a part of plop the headless run does not cover. */
class PlopNeeded extends Error {}

type RunResult = Awaited<ReturnType<PlopGenerator['runActions']>>;
type Change = RunResult['changes'][number];
type Failure = RunResult['failures'][number];

/** node-plop's message for each action skipped after a failure; the CLI does not repeat it. */
export const aborted = 'Aborted due to previous action failure';

function asConfig(value: unknown): (ActionConfig & Record<string, unknown>) | undefined {
  return typeof value === 'object' && value !== null
    ? (value as ActionConfig & Record<string, unknown>)
    : undefined;
}

/** The part of the plop API a plopfile may call: anything else falls back to node-plop. */
function createApi(root: string) {
  const generators = new Map<string, Partial<PlopGenerator>>();
  const actionTypes = new Map<string, CustomActionFunction>();
  let welcome = '';
  const covered: Partial<NodePlopAPI> = {
    getDestBasePath: () => root,
    setWelcomeMessage: (message) => {
      welcome = message;
    },
    getWelcomeMessage: () => welcome,
    setActionType: (name, action) => {
      actionTypes.set(name, action);
    },
    getActionTypeList: () => [...actionTypes.keys()],
    setGenerator: (name, config) => {
      const run = () => {
        throw new PlopNeeded(`generator ${name}: run it through loadHeadlessGenerator`);
      };
      const generator = Object.assign(config, {
        name,
        description: config.description ?? '',
        prompts: config.prompts ?? [],
        actions: config.actions ?? [],
        runPrompts: run,
        runActions: run,
      });
      generators.set(name, generator);
      return generator;
    },
    getGeneratorList: () =>
      [...generators].map(([name, { description = '' }]) => ({ name, description })),
  };
  const api = new Proxy(covered, {
    get(target, property) {
      // Symbols and `then` are probes (inspection, awaiting), not plop calls.
      if (typeof property === 'symbol' || property === 'then') return undefined;
      const value = Reflect.get(target, property);
      if (value === undefined) {
        throw new PlopNeeded(`plop.${property} is not available in a run without prompts`);
      }
      return value;
    },
  }) as NodePlopAPI;
  return { api, generators, actionTypes };
}

/**
 * Loads a generator for a run without prompts (`--yes`, `--json`, no terminal) without
 * node-plop: node-plop loads inquirer and its dependencies, about a third of the CLI's
 * start-up, only to ask nothing. It covers plopfiles whose generators are lists of custom
 * action types, and runs them as node-plop does: in order, each result reported, every
 * later action failed as aborted after a failure. Anything else (a built-in action, a
 * function, `skip` or `data`, another plop API) returns undefined: run it with node-plop.
 * @example const generator = (await loadHeadlessGenerator(root, plopfile, 'service')) ?? (await loadWithPlop());
 */
export async function loadHeadlessGenerator(
  root: string,
  plopfile: Plopfile,
  name: string,
): Promise<ActionRunner | undefined> {
  const { api, generators, actionTypes } = createApi(root);
  try {
    await plopfile(api);
  } catch (error) {
    if (error instanceof PlopNeeded) return undefined;
    throw error;
  }
  const generator = generators.get(name);
  const { prompts, actions } = generator ?? {};
  if (!Array.isArray(prompts) || !Array.isArray(actions)) return undefined;
  const runnable = actions.every((entry: unknown) => {
    if (typeof entry === 'string') return true;
    const config = asConfig(entry);
    return (
      config !== undefined &&
      actionTypes.has(config.type) &&
      config.skip === undefined &&
      config.data === undefined
    );
  });
  if (!runnable) return undefined;

  const runActions: PlopGenerator['runActions'] = async (answers, hooks = {}) => {
    const changes: Change[] = [];
    const failures: Failure[] = [];
    let abort = false;
    for (const entry of actions as unknown[]) {
      if (typeof entry === 'string') {
        if (!abort) hooks.onComment?.(entry);
        continue;
      }
      const config = asConfig(entry) ?? { type: '' };
      const type = config.type;
      const path = typeof config.path === 'string' ? config.path : '';
      if (abort) {
        const failure = { type, path, error: aborted, message: aborted };
        hooks.onFailure?.(failure);
        failures.push(failure);
        continue;
      }
      config.force = config.force === true;
      try {
        const action = actionTypes.get(type);
        if (!action) throw new Error(`Invalid action: ${type}`);
        const result: unknown = await action(answers, config, api);
        const change = { type, path: typeof result === 'string' ? result : JSON.stringify(result) };
        hooks.onSuccess?.(change);
        changes.push(change);
      } catch (error) {
        if (config.abortOnFail !== false) abort = true;
        const message = error instanceof Error ? error.message : String(error);
        const failure = { type, path: '', error: message, message };
        hooks.onFailure?.(failure);
        failures.push(failure);
      }
    }
    return { changes, failures };
  };
  return { prompts, runActions };
}
