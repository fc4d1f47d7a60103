import { runCli } from '../cli.js';
import { processContext } from '../commands/command-context.js';
import { versionPackages, versionPackagesSpec } from '../commands/version-packages.js';

await runCli(versionPackagesSpec, (argv) => versionPackages(argv, processContext()));
