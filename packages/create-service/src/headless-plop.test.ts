import nodePlop, { type ActionConfig, type NodePlopAPI } from 'node-plop';
import { describe, expect, it } from 'vitest';
import { loadHeadlessGenerator, type Plopfile } from './headless-plop.js';

const root = '/repo';

/** A custom action with its own setting, as the generators' `action()` builds them. */
const note = (label: string) => ({ type: 'note', label }) as ActionConfig;

/** A generator whose second action fails: the third must be reported as aborted. */
const failing: Plopfile = (plop) => {
  plop.setActionType('note', async (answers, config) => `${config.label} ${answers.name}`);
  plop.setActionType('fail', async () => {
    throw new Error('the name is taken');
  });
  plop.setGenerator('demo', {
    description: 'demo',
    prompts: [{ type: 'input', name: 'name', default: 'billing' }],
    actions: ['a comment', note('checked'), { type: 'fail' }, note('wrote')],
  });
};

async function runBoth(plopfile: Plopfile) {
  const plop = await nodePlop(undefined, { destBasePath: root, force: false });
  await plopfile(plop);
  const headless = await loadHeadlessGenerator(root, plopfile, 'demo');
  if (!headless) throw new Error('expected the headless generator');
  const seen = { plop: [] as unknown[], headless: [] as unknown[] };
  const hooks = (log: unknown[]) => ({
    onComment: (comment: string) => log.push({ comment }),
    onSuccess: (change: unknown) => log.push({ change }),
    onFailure: (failure: { type: string; error: string }) =>
      log.push({ failure: { type: failure.type, error: failure.error } }),
  });
  const withPlop = await plop
    .getGenerator('demo')
    .runActions({ name: 'billing' }, hooks(seen.plop));
  const withoutPlop = await headless.runActions({ name: 'billing' }, hooks(seen.headless));
  return { seen, withPlop, withoutPlop, headless };
}

describe('loadHeadlessGenerator', () => {
  it('reports the same changes, failures and aborted actions as node-plop', async () => {
    const { seen, withPlop, withoutPlop } = await runBoth(failing);
    expect(seen.headless).toEqual(seen.plop);
    expect(withoutPlop.changes).toEqual(withPlop.changes);
    expect(withoutPlop.failures.map(({ type, error }) => ({ type, error }))).toEqual(
      withPlop.failures.map(({ type, error }) => ({ type, error })),
    );
    expect(withoutPlop.failures.map((f) => f.error)).toEqual([
      'the name is taken',
      'Aborted due to previous action failure',
    ]);
  });

  it('gives the generator its prompts and the repository root as the destination', async () => {
    let destination = '';
    const generator = await loadHeadlessGenerator(
      root,
      (plop) => {
        destination = plop.getDestBasePath();
        failing(plop);
      },
      'demo',
    );
    expect(destination).toBe(root);
    expect(generator?.prompts).toEqual([{ type: 'input', name: 'name', default: 'billing' }]);
  });

  it.each<[string, Plopfile]>([
    [
      'the plopfile uses a plop API it does not cover',
      (plop: NodePlopAPI) => {
        plop.setHelper('shout', (text: string) => text.toUpperCase());
        failing(plop);
      },
    ],
    [
      'an action is one of plop’s built-in types',
      (plop: NodePlopAPI) =>
        plop.setGenerator('demo', {
          description: 'demo',
          prompts: [],
          actions: [{ type: 'add', path: 'a.txt', template: 'a' }],
        }),
    ],
    [
      'an action can be skipped',
      (plop: NodePlopAPI) => {
        plop.setActionType('note', async () => 'noted');
        plop.setGenerator('demo', {
          description: 'demo',
          prompts: [],
          actions: [{ type: 'note', skip: () => 'not today' }],
        });
      },
    ],
    ['the generator does not exist', (plop: NodePlopAPI) => plop.setWelcomeMessage('nothing here')],
  ])('leaves the run to node-plop when %s', async (_case, plopfile) => {
    expect(await loadHeadlessGenerator(root, plopfile, 'demo')).toBeUndefined();
  });
});
