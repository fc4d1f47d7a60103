import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cloudNames, clouds, repositoryVariables } from '@slipway/platform-contract';
import { scriptsRepoRoot } from '../src/repo-root.ts';
import { cloudLoginSteps, type LoginCloud } from './cloud-login-steps.ts';

// The workflows cannot import the platform contract, so this test holds them to it: a cloud
// added to the contract's registry fails to compile in cloud-login-steps.ts, then fails here
// until the login action and the workflows that call it follow.
const root = scriptsRepoRoot(process.cwd());
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const loginAction = parse(read('.github/actions/cloud-login/action.yml')) as {
  inputs: Record<string, unknown>;
  runs: { steps: { uses?: string; if?: string }[] };
};
const callers = ['deploy-stack.yml', 'preview.yml'].map((name) => ({
  name,
  text: read(`.github/workflows/${name}`),
}));
const loginClouds = Object.keys(cloudLoginSteps) as LoginCloud[];

describe("the workflows follow the contract's clouds", () => {
  it('logs in to every cloud with a login, and to no other', () => {
    expect([...loginClouds].sort()).toEqual(
      cloudNames.filter((cloud) => clouds[cloud].ciLogin !== 'none').sort(),
    );
    expect(loginAction.runs.steps.map((step) => step.if)).toEqual(
      loginClouds.map((cloud) => `inputs.cloud == '${cloud}'`),
    );
  });

  it.each(loginClouds)('logs in to %s with its action and inputs', (cloud) => {
    const { uses, inputs } = cloudLoginSteps[cloud];
    const step = loginAction.runs.steps.find((s) => s.if === `inputs.cloud == '${cloud}'`);
    expect(step?.uses?.split('@')[0]).toBe(uses);
    for (const [input, variable] of Object.entries(inputs)) {
      expect(Object.keys(loginAction.inputs)).toContain(input);
      expect(clouds[cloud].requiredVariables).toContain(variable);
      for (const caller of callers) {
        expect(caller.text, caller.name).toContain(`${input}: \${{ vars.${variable} }}`);
      }
    }
  });

  it.each(cloudNames.flatMap((cloud) => clouds[cloud].requiredVariables))(
    'hands the deploy its %s variable',
    (variable) => {
      expect(read('.github/workflows/deploy-stack.yml')).toContain(`vars.${variable} }}`);
    },
  );

  it('reads the cloud override under the product prefix', () => {
    expect(read('.github/workflows/deploy-stack.yml')).toContain(
      `vars.${repositoryVariables.cloud} }}`,
    );
  });
});
