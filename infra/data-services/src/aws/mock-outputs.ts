import type { MockSetup } from '@slipway/infra-testing';

/** What aws returns, under mocks, for the resources its provisioners create. */
export const awsMockOutputs: NonNullable<MockSetup['outputsOf']> = () => undefined;
