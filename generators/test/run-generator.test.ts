import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Generator } from '../src/shared/generator.ts';
import { runGenerator } from '../src/shared/run-generator.ts';
import { createFixtureRepo } from './helpers/fixture-repo.ts';

let root: string;
beforeEach(() => {
  root = createFixtureRepo();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const manifest = 'apps/orders/service.yaml';

/** A generator that appends a line to orders' manifest; `meanwhile` runs as it plans. */
const appendLine = (meanwhile: () => void): Generator<object> => ({
  name: 'append',
  description: 'appends a line',
  questions: () => [],
  check: (data) => data,
  plan: (_answers, repo) => {
    const text = repo.files.read(manifest) ?? '';
    meanwhile();
    return {
      directories: [],
      files: [{ path: manifest, content: `${text}# planned\n` }],
      removals: [],
    };
  },
  nextSteps: () => [],
});

describe('runGenerator', () => {
  it('writes the plan made from what it read', async () => {
    const before = readFileSync(join(root, manifest), 'utf8');
    const report = await runGenerator(
      appendLine(() => {}),
      {},
      root,
      { link: false },
    );
    expect(report.updated).toEqual([manifest]);
    expect(readFileSync(join(root, manifest), 'utf8')).toBe(`${before}# planned\n`);
  });

  it('refuses, writing nothing, when a file changes between planning and writing', async () => {
    const edit = () => writeFileSync(join(root, manifest), 'name: orders # edited meanwhile\n');
    const run = runGenerator(appendLine(edit), {}, root, { link: false });
    await expect(run).rejects.toThrow(`${manifest} changed after the change was planned`);
    expect(readFileSync(join(root, manifest), 'utf8')).toBe('name: orders # edited meanwhile\n');
  });
});
