// Everything the render shares (./render.ts), and what only tests need.
export * from './render.js';
export { type ProgramRun, programRunner, runProgramWithMocks } from './run-program.js';
export { secretValueOf } from './secret-output.js';
