import { describe, expect, it } from 'vitest';
import { readFuzzEnv } from './fuzz-env.ts';

describe('readFuzzEnv', () => {
  it('reads the seed, the budget and the binary', () => {
    expect(
      readFuzzEnv({ FUZZ_SEED: '0', FUZZ_MAX_EXAMPLES: '200', SCHEMATHESIS_BIN: '/opt/st' }),
    ).toEqual({ seed: 0, maxExamples: 200, schemathesisBin: '/opt/st' });
  });

  it('leaves out what is unset or empty', () => {
    expect(readFuzzEnv({ FUZZ_SEED: '', PATH: '/usr/bin' })).toEqual({});
  });

  it.each([
    ['FUZZ_SEED', 'abc'],
    ['FUZZ_SEED', '-1'],
    ['FUZZ_SEED', '1.5'],
    ['FUZZ_MAX_EXAMPLES', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readFuzzEnv({ [name]: value })).toThrow(name);
  });
});
