import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/cli.ts';
import { previewCommand } from '../src/commands/preview.ts';
import { recordingContext } from './fixture-repo.ts';

// Usage mistakes are caught before any Pulumi workspace or backend is touched.
const run = (...argv: string[]) => previewCommand(argv, recordingContext());

describe('npm run preview', () => {
  it('lists its subcommands without one, and each subcommand its flags', async () => {
    const ctx = recordingContext();
    await previewCommand([], ctx);
    expect(ctx.text()).toMatch(/up +deploy or update[\s\S]*down[\s\S]*gc/);
    const up = recordingContext();
    await previewCommand(['up', '--help'], up);
    for (const flag of [
      '--pr',
      '--changed',
      '--base',
      '--built',
      '--main-images',
      '--ttl',
      '--now',
    ])
      expect(up.text()).toContain(flag);
  });

  it.each([
    [['deploy'], /unknown subcommand 'deploy': use up, down or gc/],
    [['up', '--pr', '12'], /exactly one of --changed <svc,...> and --base <ref>/],
    [['up', '--pr', '12', '--changed', 'a', '--base', 'main'], /exactly one of/],
    [['up', '--pr', 'twelve', '--changed', 'a'], /--pr 'twelve' is not a pull request number/],
    [['down'], /--pr is required/],
    [['gc', '--now', 'yesterday'], /--now 'yesterday' is not an ISO 8601 instant/],
    [['gc', '--stack', 'x'], /stack/],
  ])('refuses %j, saying what to fix', async (argv, message) => {
    await expect(run(...argv)).rejects.toThrow(message);
  });

  it('reports a usage mistake as one (exit 2 with a pointer to --help)', async () => {
    await expect(run('up', '--pr', '12')).rejects.toBeInstanceOf(UsageError);
  });
});
