import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { named } from './pulumi-mocks.ts';
import { programRunner } from './run-program.ts';
import { secretValueOf } from './secret-output.ts';

/** Any resource type, registered as a program would. */
class Resource extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs) {
    super(type, name, props);
  }
}

// A program's top level, as an entry point would run it: it reads config and registers.
const runProgram = programRunner(
  { project: 'test', config: { 'cloud:region': 'north', size: 'small' } },
  async () => {
    const config = new pulumi.Config();
    const region = new pulumi.Config('cloud').require('region');
    new Resource('test:index:Thing', 'thing', { region, size: config.require('size') });
    return { token: pulumi.secret('t0k3n'), region: pulumi.output(region) };
  },
);

describe('programRunner', () => {
  it("runs the program with its set-up's config, the test's own on top", async () => {
    const { resources } = await runProgram({ size: 'large' });
    expect(named(resources, 'test:index:Thing', 'thing').inputs).toEqual({
      region: 'north',
      size: 'large',
    });
  });

  it('runs it afresh on each call', async () => {
    const { resources } = await runProgram();
    expect(named(resources, 'test:index:Thing', 'thing').inputs.size).toBe('small');
  });
});

describe('secretValueOf', () => {
  it('gives the value of a secret output', async () => {
    const { program } = await runProgram();
    expect(await secretValueOf(program.token)).toBe('t0k3n');
  });

  it('fails for an output let out as plain text', async () => {
    const { program } = await runProgram();
    await expect(secretValueOf(program.region)).rejects.toThrow('not marked secret');
  });
});
