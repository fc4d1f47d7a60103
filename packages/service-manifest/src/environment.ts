/** The environments a service is deployed to; each is a Pulumi stack of the same name. */
export const environments = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof environments)[number];
