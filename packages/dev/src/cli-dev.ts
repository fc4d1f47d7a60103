import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { ManifestError, serviceUrlVariable } from '@slipway/service-manifest';
import { createDevEnvironment } from './dev-environment.js';
import { envFileFlags } from './env-files.js';
import { findService } from './find-service.js';
import { parseCliArgs } from './parse-cli-args.js';

const help = `Usage: slipway-dev [options]

Runs the service in the current folder with reload on change (tsx watch), on the
port its service.yaml gives, with <CALLEE>_URL pointing at each service it calls
on its local port, SERVICE_NAME, NODE_ENV=development and its manifest's dev config.
Variables already set in your environment win (PORT=4000 npm run dev), except
HOST: the service listens on 127.0.0.1 only, whatever your shell exports; pass
--env HOST=<address> to listen elsewhere.
Local secrets: a git-ignored .env at the repository root and one in the
service folder are loaded when they exist (Node's --env-file-if-exists; the
service's file wins over the root's; neither replaces a variable set above).

Options:
  --entry <file>       entry module (default: src/index.ts)
  --env <NAME=value>   an extra variable for local dev only (repeatable), e.g.
                       --env PGLITE_DATA_DIR=.data/pglite
  -h, --help           show this help`;

const values = parseCliArgs(
  {
    entry: { type: 'string' },
    env: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
  help,
);

if (values.help) {
  console.log(help);
  process.exit(0);
}

let located: ReturnType<typeof findService>;
try {
  located = findService(process.cwd());
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ManifestError ? message : `slipway-dev: ${message}`);
  process.exit(1);
}

const extra: Record<string, string> = {};
for (const pair of values.env ?? []) {
  const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/s.exec(pair);
  if (!match?.[1]) {
    console.error(`slipway-dev: --env wants NAME=value, got '${pair}'\n\n${help}`);
    process.exit(2);
  }
  extra[match[1]] = match[2] ?? '';
}

const { manifest, catalog, repoRoot, serviceDir } = located;
const env = createDevEnvironment(manifest, catalog, process.env, extra);
const shellHost = process.env.HOST;
if (shellHost !== undefined && shellHost !== env.HOST) {
  console.log(
    `[slipway-dev] HOST=${shellHost} from your environment is ignored: dev listens on ${env.HOST} ` +
      'only (--env HOST=<address> to listen elsewhere)',
  );
}
const calls = manifest.calls.map((callee) => `${callee} at ${env[serviceUrlVariable(callee)]}`);
console.log(
  `[slipway-dev] ${manifest.name} listens on http://${env.HOST}:${env.PORT}` +
    (calls.length > 0 ? `, calls ${calls.join(', ')}` : ''),
);

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
const child = spawn(
  process.execPath,
  [
    tsxCli,
    'watch',
    '--clear-screen=false',
    // tsx hands Node's own flags to the service's process, which reads the files at each start.
    ...envFileFlags(repoRoot, serviceDir),
    '--conditions=@slipway/source',
    values.entry ?? 'src/index.ts',
  ],
  { stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 0 : 1));
});
