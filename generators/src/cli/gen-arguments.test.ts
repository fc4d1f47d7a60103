import { describe, expect, it } from 'vitest';
import { readGenArguments } from './gen-arguments.ts';
import type { GeneratorSummary } from './gen-usage.ts';

const option = (name: string) => ({ name, message: `${name}?` });
const generators: GeneratorSummary[] = [
  { name: 'package', description: 'a package', options: [option('name'), option('description')] },
  { name: 'init', description: 'init', options: [option('scope')] },
  {
    name: 'rename-service',
    description: 'rename',
    options: [option('name'), option('newName')],
  },
  {
    name: 'remove-service',
    description: 'remove',
    options: [option('name'), { ...option('force-callers'), asked: false }],
  },
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
      "There is no generator 'bogus': choose one of package, init, rename-service, remove-service (see npm run gen -- --help).",
    ],
    [['--bogus'], "Unknown option '--bogus' (see npm run gen -- --help)."],
    [
      ['package', '--', '--nme', 'money'],
      "Unknown option '--nme' for the package generator (did you mean --name?): it takes --name, --description (see npm run gen -- package -- --help).",
    ],
    [
      ['init', '--', '--scope=@acme', '--cloud', 'aws'],
      "Unknown option '--cloud' for the init generator: it takes --scope (see npm run init -- --help).",
    ],
    [
      ['init', '--', '--scoep', '@acme'],
      "Unknown option '--scoep' for the init generator (did you mean --scope?)",
    ],
    [['package', '--name', 'money'], "Options of the package generator come after '--'"],
  ])('refuses %j, saying where to look', (args, message) => {
    const request = readGenArguments(args, generators);
    expect(request.kind).toBe('error');
    expect(request.kind === 'error' && request.message).toContain(message);
  });

  describe('without a terminal, where plop could ask nothing', () => {
    const quiet = (...args: string[]) => readGenArguments(args, generators, false);

    it.each([
      [['rename-service', 'orders', 'purchases']],
      [['rename-service', '--', '--name', 'orders', '--newName=purchases']],
      [['remove-service', 'orders']],
      [['package', 'money', '--', '--description', 'Money.']],
    ])('leaves %j to plop: every question it asks is answered', (args) => {
      expect(quiet(...args)).toEqual({ kind: 'run' });
    });

    it.each([
      [
        ['rename-service', 'orders'],
        'Nothing can be asked without a terminal, and the rename-service generator still needs --newName (newName?): pass it, as in npm run gen -- rename-service <old> <new> [-- --replace-data] (see npm run gen -- rename-service -- --help).',
      ],
      [['rename-service', '_', 'purchases'], 'still needs --name (name?): pass it'],
      [['package'], 'still needs --name (name?), --description (description?): pass them'],
      [[], 'Nothing can be asked without a terminal: name the generator, one of package, init'],
    ])('refuses %j, naming what to pass', (args, message) => {
      const request = quiet(...args);
      expect(request.kind).toBe('error');
      expect(request.kind === 'error' && request.message).toContain(message);
    });
  });
});
