import { describe, expect, it } from 'vitest';
import type { Question } from '@slipway/generators/service';
import { answersWithoutPrompts, bypassFromFlags } from './answers-from-flags.ts';
import type { Flags } from './parse-flags.ts';

const prompts: Question[] = [
  { type: 'input', name: 'name' },
  {
    type: 'input',
    name: 'description',
    default: (a: { name: string }) => `The ${a.name} service.`,
  },
  { type: 'input', name: 'port', default: '3002' },
  { type: 'confirm', name: 'public', default: false },
  { type: 'checkbox', name: 'calls', default: [] },
  { type: 'checkbox', name: 'calledBy', default: [] },
  { type: 'input', name: 'owner' },
];
const flags: Flags = { name: 'billing', yes: true, dryRun: false, json: false, install: true };

describe('answersWithoutPrompts', () => {
  it('takes each flag, else the prompt default, which may depend on earlier answers', () => {
    expect(answersWithoutPrompts(prompts, { ...flags, calls: 'orders' })).toEqual({
      name: 'billing',
      description: 'The billing service.',
      port: '3002',
      public: false,
      calls: 'orders',
      calledBy: [],
      owner: undefined,
    });
  });
});

describe('bypassFromFlags', () => {
  it('gives plop a bypass value for each flag and _ for each prompt still to ask', () => {
    expect(bypassFromFlags(prompts, { ...flags, public: true, calledBy: 'gateway' })).toEqual([
      'billing',
      '_',
      '_',
      'yes',
      '_',
      'gateway',
      '_',
    ]);
  });
});
