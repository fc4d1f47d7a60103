import { vi } from 'vitest';
import { installMocks, type MockSetup, type RecordedResource, settle } from './pulumi-mocks.ts';

/** A program's module and every resource its top level registered. */
export interface ProgramRun<Program> {
  readonly program: Program;
  readonly resources: RecordedResource[];
}

/**
 * Runs a Pulumi program's top level under mocks, as `pulumi preview` would: installs the
 * mocks, imports the program afresh (vitest's module cache is reset, so every call runs it
 * again, with its own config) and waits until each registration has reached the mocks.
 * @example const { program, resources } = await runProgramWithMocks({ project: 'slipway-platform' }, () => import('../src/index.ts'));
 */
export async function runProgramWithMocks<Program>(
  setup: MockSetup,
  importProgram: () => Promise<Program>,
): Promise<ProgramRun<Program>> {
  const resources = await installMocks(setup);
  vi.resetModules();
  const program = await importProgram();
  await settle();
  return { program, resources };
}

/**
 * One program's runner for its tests: every call runs the program afresh (see
 * {@link runProgramWithMocks}) with `setup.config` (the provider config it cannot start
 * without) and then the test's own stack config on top. Keys without a namespace are the
 * program's project's.
 * @example
 * const runProgram = programRunner({ project: 'slipway-cluster-eks', config: { 'aws:region': 'eu-west-1' } }, () => import('../src/index.ts'));
 * const { resources } = await runProgram({ nodePool: { minSize: 4 } });
 */
export function programRunner<Program>(
  setup: MockSetup,
  importProgram: () => Promise<Program>,
): (config?: Record<string, unknown>) => Promise<ProgramRun<Program>> {
  return (config = {}) =>
    runProgramWithMocks({ ...setup, config: { ...setup.config, ...config } }, importProgram);
}
