// Everything the render shares (./render.ts), and what only tests need.
export * from './render.ts';
export { type ProgramRun, programRunner, runProgramWithMocks } from './run-program.ts';
export { secretValueOf } from './secret-output.ts';
