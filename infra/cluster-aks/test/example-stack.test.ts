import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adminGroup, clusterInputs, runProgram } from './aks-program.ts';

const exampleStack = (
  parse(readFileSync(new URL('../Pulumi.dev.yaml', import.meta.url), 'utf8')) as {
    config: Record<string, unknown>;
  }
).config;

describe('the example stack, Pulumi.dev.yaml', () => {
  it('sets every default explicitly: it builds the same cluster as the required settings alone', async () => {
    const fromExample = await runProgram({
      ...exampleStack,
      'slipway-cluster-aks:adminGroupObjectIds': [adminGroup],
    });
    const fromDefaults = await runProgram();
    expect(clusterInputs(fromExample.resources)).toEqual(clusterInputs(fromDefaults.resources));
  });

  it('leaves the admin group as a placeholder to replace, since it cannot have a default', () => {
    expect(exampleStack['slipway-cluster-aks:adminGroupObjectIds']).toEqual([
      '00000000-0000-0000-0000-000000000000',
    ]);
  });
});
