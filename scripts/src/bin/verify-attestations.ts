// Node runs it from source (`node --conditions=@slipway/source scripts/src/bin/<name>.ts`; npm
// scripts get the condition from .npmrc), and workspace packages are read from source too.
import { runCli } from '../cli.ts';
import { processContext } from '../commands/command-context.ts';
import {
  verifyAttestationsCommand,
  verifyAttestationsSpec,
} from '../commands/verify-attestations.ts';

await runCli(verifyAttestationsSpec, (argv) => verifyAttestationsCommand(argv, processContext()));
