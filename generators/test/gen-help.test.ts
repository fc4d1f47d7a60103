import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../bin/gen.js', import.meta.url));
const read = (path: string) =>
  readFileSync(new URL(path, new URL('../../', import.meta.url)), 'utf8');

/** Runs `npm run gen -- <args>` as a child process; resolves with its output and exit code. */
async function gen(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run gen -- --help', () => {
  it("lists this repository's generators with their flags, not plop's generic help", async () => {
    const { code, stdout } = await gen(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: npm run gen -- [<generator>');
    for (const generator of ['service', 'remove-service', 'rename-service', 'package'])
      expect(stdout).toMatch(new RegExp(`^ {2}${generator} +\\S`, 'm'));
    for (const flag of ['--name <name>', '--calledBy']) expect(stdout).toContain(flag);
    expect(stdout).not.toContain('plop');
    expect(stdout).not.toContain('danger waits');
  }, 120_000);

  it('prints each usage line as generators/README.md documents it', async () => {
    const { stdout } = await gen(['--help']);
    // Each generator's line is followed by its usage line.
    const usages = [...stdout.matchAll(/^ {2}[\w-]+ +\S.*\n +(npm run .*)$/gm)].map((m) => m[1]);
    expect(usages).toHaveLength(4);
    const readme = read('generators/README.md');
    for (const usage of usages) expect(readme).toContain(usage);
  }, 120_000);
});

describe('npm run gen -- <generator> -- --help', () => {
  it.each([['service'], ['package']])(
    'gives the %s generator a --help',
    async (name) => {
      const { code, stdout } = await gen([name, '--', '--help']);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^Usage: npm run gen -- ${name} -- --name <name>`));
      expect(stdout).toContain('  --description ');
    },
    120_000,
  );

  it.each([
    [
      'remove-service',
      'Usage: npm run gen -- remove-service <name> [-- --force-callers]\n',
      '--force-callers',
    ],
    [
      'rename-service',
      'Usage: npm run gen -- rename-service <old> <new> [-- --replace-data]\n',
      '--replace-data',
    ],
  ])(
    'gives the %s generator a --help',
    async (name, usage, option) => {
      const { code, stdout } = await gen([name, '--help']);
      expect(code).toBe(0);
      expect(stdout.startsWith(usage)).toBe(true);
      expect(stdout).toContain(`  ${option} `);
      expect(read('generators/README.md')).toContain(usage.slice('Usage: '.length, -1));
    },
    120_000,
  );
});

describe('npm run gen refuses what it does not know, exits 1 and points to --help', () => {
  it.each([
    [['bogus'], "There is no generator 'bogus'", 'see npm run gen -- --help'],
    [['--bogus'], "Unknown option '--bogus'", 'see npm run gen -- --help'],
    [
      ['package', '--', '--bogus', 'x'],
      "Unknown option '--bogus'",
      'see npm run gen -- package -- --help',
    ],
    [
      ['package', '--', '--nmae', 'money'],
      "Unknown option '--nmae' for the package generator (did you mean --name?)",
      'see npm run gen -- package -- --help',
    ],
    // No terminal here: plop's question would crash with "readline was closed".
    [
      ['rename-service', 'orders'],
      'Nothing can be asked without a terminal, and the rename-service generator still needs --newName (Its new name)',
      'npm run gen -- rename-service <old> <new>',
    ],
  ])(
    '%j',
    async (args, problem, hint) => {
      const { code, stderr } = await gen(args);
      expect(code).toBe(1);
      expect(stderr).toContain(problem);
      expect(stderr).toContain(hint);
    },
    120_000,
  );
});
