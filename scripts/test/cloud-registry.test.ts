import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cloudNames, clouds, repositoryVariables } from '@slipway/platform-contract';
import { scriptsRepoRoot } from '../src/repo-root.ts';

// The workflows cannot import the platform contract, so this test holds them to it: a cloud
// added to the contract's registry fails here until the login action and the deploy workflow
// follow.
const root = scriptsRepoRoot(process.cwd());
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const loginAction = read('.github/actions/cloud-login/action.yml');
const deployStack = read('.github/workflows/deploy-stack.yml');

describe("the workflows follow the contract's clouds", () => {
  it.each(cloudNames.filter((cloud) => clouds[cloud].ciLogin !== 'none'))(
    'logs in to %s in the cloud-login action',
    (cloud) => {
      expect(loginAction).toContain(`inputs.cloud == '${cloud}'`);
    },
  );

  it.each(cloudNames.flatMap((cloud) => clouds[cloud].requiredVariables))(
    'hands the deploy its %s variable',
    (variable) => {
      expect(deployStack).toContain(`vars.${variable} }}`);
    },
  );

  it('reads the cloud override under the product prefix', () => {
    expect(deployStack).toContain(`vars.${repositoryVariables.cloud} }}`);
  });
});
