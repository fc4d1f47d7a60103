import { describe, expect, it } from 'vitest';
import { parseFlags } from './parse-flags.ts';

function parse(args: string[]) {
  let stdout = '';
  let stderr = '';
  const parsed = parseFlags(args, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { parsed, stdout, stderr };
}

describe('parseFlags', () => {
  it('maps every flag, --called-by to calledBy and --no-install to install: false', () => {
    const { parsed } = parse([
      '--name=billing',
      '--description',
      'Bills.',
      '--port',
      '3004',
      '--public',
      '--calls',
      'orders,users',
      '--called-by',
      'gateway',
      '--owner',
      '@acme/pay',
      '--cache',
      '--yes',
      '--dry-run',
      '--json',
      '--no-install',
    ]);
    expect(parsed).toEqual({
      flags: {
        name: 'billing',
        description: 'Bills.',
        port: '3004',
        public: true,
        calls: 'orders,users',
        calledBy: 'gateway',
        owner: '@acme/pay',
        cache: true,
        yes: true,
        dryRun: true,
        json: true,
        install: false,
      },
    });
  });

  it('leaves flags that are not given undefined, and switches off', () => {
    expect(parse([]).parsed).toEqual({
      flags: { yes: false, dryRun: false, json: false, install: true },
    });
  });

  it('documents every flag in --help and exits 0', () => {
    const { parsed, stdout } = parse(['--help']);
    expect(parsed).toEqual({ exitCode: 0 });
    for (const flag of [
      '--name',
      '--description',
      '--port',
      '--public',
      '--calls',
      '--called-by',
      '--owner',
      '--database',
      '--cache',
      '--yes',
      '--dry-run',
      '--json',
      '--no-install',
      '--help',
    ]) {
      expect(stdout).toContain(flag);
    }
    expect(stdout).toContain('npm create @slipway/service -- --name billing --port 3004');
  });

  it('refuses an unknown flag with exit code 1 and suggests the right one', () => {
    const { parsed, stderr } = parse(['--nmae', 'billing']);
    expect(parsed).toEqual({ exitCode: 1 });
    expect(stderr).toContain("unknown option '--nmae'");
    expect(stderr).toContain('--name');
    expect(stderr).toMatch(/\(see --help: npm create @[\w.-]+\/service -- --help\)/);
  });

  it('refuses a stray argument: every answer is a flag', () => {
    const { parsed, stderr } = parse(['billing']);
    expect(parsed).toEqual({ exitCode: 1 });
    expect(stderr).toContain('too many arguments');
    expect(stderr).toContain('see --help');
  });
});
