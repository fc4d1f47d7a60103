import { describe, expect, it } from 'vitest';
import { readGenArguments } from './gen-arguments.js';
import type { GeneratorSummary } from './gen-usage.js';

const option = (name: string) => ({ name, message: `${name}?` });
const generators: GeneratorSummary[] = [
  { name: 'package', description: 'a package', options: [option('name'), option('description')] },
  { name: 'init', description: 'init', options: [option('scope')] },
];
const read = (...args: string[]) => readGenArguments(args, generators);

describe('readGenArguments', () => {
  it.each([[[]], [['package']], [['package', '--', '--name', 'money']], [['init', '--']]])(
    'leaves %j to plop',
    (args) => {
      expect(readGenArguments(args, generators)).toEqual({ kind: 'run' });
    },
  );

  it.each([['--help'], ['-h']])('answers %s with the generator list', (flag) => {
    expect(read(flag)).toEqual({ kind: 'list-help' });
  });

  it.each([
    [['package', '--', '--help']],
    [['package', '--help']],
    [['init', '--', '--scope', '@acme', '-h']],
  ])("answers %j with that generator's help", (args) => {
    expect(readGenArguments(args, generators)).toMatchObject({
      kind: 'generator-help',
      generator: { name: args[0] },
    });
  });

  it.each([
    [
      ['bogus'],
      "There is no generator 'bogus': choose one of package, init (see npm run gen -- --help).",
    ],
    [['--bogus'], "Unknown option '--bogus' (see npm run gen -- --help)."],
    [
      ['package', '--', '--nme', 'money'],
      "Unknown option '--nme' for the package generator: it takes --name, --description (see npm run gen -- package -- --help).",
    ],
    [
      ['init', '--', '--scope=@acme', '--cloud', 'aws'],
      "Unknown option '--cloud' for the init generator: it takes --scope (see npm run init -- --help).",
    ],
    [['package', '--name', 'money'], "Options of the package generator come after '--'"],
  ])('refuses %j, saying where to look', (args, message) => {
    const request = readGenArguments(args, generators);
    expect(request.kind).toBe('error');
    expect(request.kind === 'error' && request.message).toContain(message);
  });
});
