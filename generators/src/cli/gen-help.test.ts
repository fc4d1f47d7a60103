import { describe, expect, it } from 'vitest';
import { formatGeneratorHelp, formatGeneratorList } from './gen-help.ts';
import type { GeneratorSummary } from './gen-usage.ts';

const init: GeneratorSummary = {
  name: 'init',
  description: 'make this template your own',
  options: [
    { name: 'scope', message: 'Your npm scope:' },
    { name: 'registry', message: 'Registry:' },
    { name: 'cloud', message: 'Cloud:' },
  ],
};
const custom: GeneratorSummary = {
  name: 'worker',
  description: 'a queue worker',
  options: [{ name: 'name', message: 'Worker name:' }],
};

describe('formatGeneratorList', () => {
  it('lists each generator with its description and usage line', () => {
    const text = formatGeneratorList([init, custom]);
    expect(text).toMatch(/^Usage: npm run gen -- \[<generator>/);
    expect(text).toContain('  init    make this template your own\n');
    expect(text).toContain(
      '\n          npm run init -- --scope <@scope> --registry <registry> --cloud <aws|gcp|azure> [--product <name>] [--repository <owner>/<name>]\n',
    );
    expect(text).toContain(
      '  worker  a queue worker\n          npm run gen -- worker -- [--name <value>]\n',
    );
  });
});

describe('formatGeneratorHelp', () => {
  it('shows the usage line, every option with its question, and an example', () => {
    const text = formatGeneratorHelp(init);
    expect(text.split('\n')[0]).toBe(
      'Usage: npm run init -- --scope <@scope> --registry <registry> --cloud <aws|gcp|azure> [--product <name>] [--repository <owner>/<name>]',
    );
    expect(text).toContain('  --scope     Your npm scope:\n');
    expect(text).toContain('  -h, --help  show this help\n');
    expect(text).toContain(
      'Example:\n  npm run init -- --scope @acme --registry ghcr.io/acme --cloud aws',
    );
  });

  it('builds a usage line from the options of a generator the docs do not know', () => {
    expect(formatGeneratorHelp(custom)).toMatch(
      /^Usage: npm run gen -- worker -- \[--name <value>\]\n/,
    );
    expect(formatGeneratorHelp(custom)).not.toContain('Example:');
  });
});
