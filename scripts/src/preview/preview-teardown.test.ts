import { describe, expect, it } from 'vitest';
import { collectExpired, type PreviewStacks, removePreview } from './preview-teardown.ts';

const now = new Date('2026-03-01T00:00:00Z');
const past = '2026-02-01T00:00:00Z';

/** Stand-in stacks: each already expired, some failing to destroy; records what was destroyed. */
function stacksOf(names: readonly string[], failing: readonly string[] = []) {
  const destroyed: string[] = [];
  const stacks: PreviewStacks = {
    list: async () => names.map((name) => ({ name, lastUpdate: past })),
    expiresAt: async () => past,
    destroy: async (name) => {
      if (failing.includes(name)) throw new Error(`${name} would not go`);
      destroyed.push(name);
    },
  };
  return { stacks, destroyed };
}

const neighbours = ['staging', 'prod', 'xpr-1', 'pr-1-old', 'acme/staging', 'pr-'];
const quiet = () => undefined;

describe('collectExpired', () => {
  it('destroys every expired preview though one fails, then names each failure', async () => {
    const { stacks, destroyed } = stacksOf(['pr-1', 'pr-2', 'pr-3', 'pr-4'], ['pr-1', 'pr-3']);
    await expect(collectExpired(stacks, { now, dryRun: false }, quiet)).rejects.toThrow(
      /2 of 4 expired preview\(s\) not destroyed: pr-1 \(pr-1 would not go\); pr-3 \(pr-3 would not go\)/,
    );
    expect(destroyed).toEqual(['pr-2', 'pr-4']);
  });

  it('never touches a stack that is not a preview, however old', async () => {
    const { stacks, destroyed } = stacksOf([...neighbours, 'pr-7', 'acme/pr-12']);
    expect(await collectExpired(stacks, { now, dryRun: false }, quiet)).toEqual([
      'acme/pr-12',
      'pr-7',
    ]);
    expect(destroyed).toEqual(['acme/pr-12', 'pr-7']);
  });

  it('destroys nothing on a dry run', async () => {
    const { stacks, destroyed } = stacksOf(['pr-7']);
    expect(await collectExpired(stacks, { now, dryRun: true }, quiet)).toEqual(['pr-7']);
    expect(destroyed).toEqual([]);
  });
});

describe('removePreview', () => {
  it('destroys the pull request’s stack, listed qualified or not', async () => {
    for (const name of ['pr-12', 'acme/pr-12']) {
      const { stacks, destroyed } = stacksOf([...neighbours, 'pr-1', name]);
      expect(await removePreview(stacks, 12, quiet)).toBe(name);
      expect(destroyed).toEqual([name]);
    }
  });

  it('never touches a stack that is not the preview, even one named like it', async () => {
    const { stacks, destroyed } = stacksOf([...neighbours, 'pr-12-old', 'xpr-12', 'pr-120']);
    expect(await removePreview(stacks, 12, quiet)).toBeUndefined();
    expect(destroyed).toEqual([]);
  });
});
