import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CliSpec, parseCli } from '../cli.ts';
import { checkDockerfile } from '../dockerfile-rules.ts';
import { readNodeMajor } from '../node-line.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

/** The shared Dockerfile every service image is built from. */
const sharedDockerfile = 'docker/Dockerfile';

/** `check-dockerfile`: the image rules, without a Docker engine. */
export const checkDockerfileSpec: CliSpec = {
  name: 'check-dockerfile',
  summary:
    'Checks a Dockerfile against the image standard (multi-stage, turbo prune --docker, pinned base\n' +
    'image on the .nvmrc Node line, production dependencies only, compile cache under /tmp, numeric\n' +
    'non-root USER >= 10000 last, exec-form CMD node, no TLS bypass); hadolint does the general\n' +
    'Dockerfile practice (.hadolint.yaml). Exits 1 listing every problem.',
  flags: {
    file: {
      type: 'string',
      description: 'The Dockerfile, relative to the root.',
      default: sharedDockerfile,
    },
    root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  },
};

/**
 * Runs `check-dockerfile`.
 * @example checkDockerfileCommand([], processContext());
 */
export function checkDockerfileCommand(argv: readonly string[], { write }: CommandContext): void {
  const values = parseCli(checkDockerfileSpec, argv, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const file = String(values.file);
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
  const problems = checkDockerfile(readFileSync(join(root, file), 'utf8'), {
    turboVersion: rootPkg.devDependencies?.turbo,
    nodeMajor: readNodeMajor(root),
  });
  if (problems.length === 0) {
    write(`${file}: ok\n`);
    return;
  }
  const lines = problems.map(
    (p) => `${file}${p.line ? `:${p.line}` : ''}: [${p.rule}] ${p.message}`,
  );
  throw new Error(`\n${lines.join('\n')}`);
}
