import { describe, expect, it } from 'vitest';
import { installMocks, secretValueOf } from '@slipway/infra-testing';
import { generatedPassword } from './generated-password.ts';

describe('generatedPassword', () => {
  it('is a secret output, so no input it reaches shows in state, previews or renders', async () => {
    // The mocks mark nothing secret on their own, as a provider's declared secret outputs would be.
    await installMocks({
      project: 'data-services-test',
      outputsOf: ({ name }) => ({ result: `generated-${name}` }),
    });
    expect(await secretValueOf(generatedPassword('ledger-postgres-password', {}))).toBe(
      'generated-ledger-postgres-password',
    );
  });
});
