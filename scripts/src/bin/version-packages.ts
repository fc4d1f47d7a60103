// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.js');
const { processContext } = await import('../commands/command-context.js');
const { versionPackages, versionPackagesSpec } = await import('../commands/version-packages.js');

await runCli(versionPackagesSpec, (argv) => versionPackages(argv, processContext()));
