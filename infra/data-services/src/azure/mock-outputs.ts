import type { MockSetup } from '@slipway/infra-testing';

/** What azure returns, under mocks, for the resources its provisioners create. */
export const azureMockOutputs: NonNullable<MockSetup['outputsOf']> = () => undefined;
