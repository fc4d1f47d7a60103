import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devVariables } from '../src/cli-dev-options.ts';
import { checkDocCommands, type DocFacts, readPackages } from './doc-commands.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const bin = fileURLToPath(new URL('../bin/slipway-dev.js', import.meta.url));
const docs = ['docs/running-locally.md', 'docs/troubleshooting.md', 'docs/testing.md'];

const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' }).stdout;
const options = help.slice(help.indexOf('\nOptions:'));
const packages = readPackages(repoRoot);
type TurboTasks = Record<string, { env?: string[]; passThroughEnv?: string[] }>;
/** The test tasks of the root turbo.json and of every workspace's own (the cluster suite's). */
const testTasks = packages
  .map(({ dir }) => join(repoRoot, dir, 'turbo.json'))
  .filter((file) => existsSync(file))
  .flatMap((file) => {
    const { tasks } = JSON.parse(readFileSync(file, 'utf8')) as { tasks?: TurboTasks };
    return Object.entries(tasks ?? {})
      .filter(([name]) => name === 'test' || name.startsWith('test:'))
      .map(([, task]) => task);
  });
const facts: DocFacts = {
  packages,
  devFlags: new Set(options.match(/(?<=^\s+(?:-\w, )?)--?[a-z][\w-]*/gm)),
  devVariables: new Set(devVariables),
  // The variables the test tasks see, the cluster suite's included (docs/testing.md names them).
  testVariables: new Set(
    testTasks.flatMap((task) => [...(task.env ?? []), ...(task.passThroughEnv ?? [])]),
  ),
};

describe('the first-hour docs', () => {
  it('should read the flags from slipway-dev --help', () => {
    expect([...facts.devFlags]).toEqual(
      expect.arrayContaining(['--env', '--with-callees', '--inspect', '-h', '--help']),
    );
  });

  it('should name in --help every variable slipway-dev reads', () => {
    for (const variable of devVariables) expect(help).toContain(variable);
  });

  it.each(docs)('%s should name only scripts, flags and variables that exist', (doc) => {
    expect(checkDocCommands(readFileSync(`${repoRoot}${doc}`, 'utf8'), facts)).toEqual([]);
  });

  it('should report a script, a flag and a variable that do not exist', () => {
    const doc = [
      '```sh',
      'npm run nope',
      'cd apps/gateway',
      'npm run dev -- --no-such-flag',
      '```',
      'Or `SLIPWAY_NOPE=1 npm run dev -- -- --inspect-brk`, or `--watch-callees`.',
    ].join('\n');
    expect(checkDocCommands(doc, facts)).toEqual([
      "`npm run nope`: 'slipway' has no script 'nope'",
      '`npm run dev -- --no-such-flag`: slipway-dev has no --no-such-flag',
      '`SLIPWAY_NOPE=1 npm run dev -- -- --inspect-brk`: slipway-dev has no --inspect-brk',
      '`SLIPWAY_NOPE=1 npm run dev -- -- --inspect-brk` sets SLIPWAY_NOPE, which that command does not read',
      '`--watch-callees`: slipway-dev has no --watch-callees, nor does a command here use it',
      'SLIPWAY_NOPE: neither slipway-dev nor a test task reads such a variable',
    ]);
  });
});
