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
