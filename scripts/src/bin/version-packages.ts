// Runs with `node --import tsx` and no build: workspace packages are read from source.
import '@slipway/platform-contract/register-source';

const { runCli } = await import('../cli.ts');
const { processContext } = await import('../commands/command-context.ts');
const { versionPackages, versionPackagesSpec } = await import('../commands/version-packages.ts');

await runCli(versionPackagesSpec, (argv) => versionPackages(argv, processContext()));
