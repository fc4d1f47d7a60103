import nodePlop, { type NodePlopAPI } from 'node-plop';
import plopfile from '../../plopfile.ts';
import { type RunOptions, type RunResult, runStateKey } from '../../src/shared/run-state.ts';

/** This repository's generators, writing into `root`, as plop's own tests load them. */
export async function loadPlop(root: string): Promise<NodePlopAPI> {
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  plopfile(plop);
  return plop;
}

/** What a generator run reported: each action's change or failure, and the run's result. */
export interface GeneratorRun {
  readonly changes: { type: string; path: string }[];
  readonly failures: { type: string; path: string; error: string }[];
  readonly result: RunResult | undefined;
}

/** Runs a generator's actions with answers and run options; returns plop's report and the result. */
export async function runGenerator(
  plop: NodePlopAPI,
  name: string,
  answers: Record<string, unknown>,
  options: RunOptions = { link: false },
): Promise<GeneratorRun> {
  const data = { ...answers, [runStateKey]: { options } };
  const report = await plop.getGenerator(name).runActions(data);
  const state = Reflect.get(data, runStateKey) as { result?: RunResult };
  return { ...report, result: state.result };
}
