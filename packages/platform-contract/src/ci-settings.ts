import { type Cloud, clouds } from './clouds.ts';
import { type ProductNames, productNames } from './product-names.ts';

/** The GitHub environments the delivery workflows deploy from (docs/secrets.md). */
export const deployEnvironments = ['preview', 'staging', 'production'] as const;

/** One of {@link deployEnvironments}. */
export type DeployEnvironment = (typeof deployEnvironments)[number];

/**
 * Who signs each service image's build provenance: the deploy workflow, run from main. The
 * deploy verifies it before a digest enters a stack and the cluster at admission
 * (docs/deploying/delivery.md).
 */
export const imageSigner = {
  workflow: '.github/workflows/deploy.yml',
  ref: 'refs/heads/main',
} as const;

/**
 * The signer identity of {@link imageSigner} for a repository, as Fulcio writes it into the
 * signing certificate: `https://github.com/<owner>/<repo>/<workflow>@<ref>`.
 * @example imageSignerIdentity('acme/platform') // 'https://github.com/acme/platform/.github/workflows/deploy.yml@refs/heads/main'
 */
export function imageSignerIdentity(repository: string): string {
  return `https://github.com/${repository}/${imageSigner.workflow}@${imageSigner.ref}`;
}

/**
 * The repository variables the workflows read under some product names: where Pulumi keeps
 * state, and the two overrides of `platform.json` (the cloud's under the product's CI prefix).
 * @example repositoryVariablesOf(productNamesOf('acme')).cloud // 'ACME_CLOUD'
 */
export function repositoryVariablesOf(names: ProductNames) {
  return {
    pulumiBackend: 'PULUMI_BACKEND_URL',
    registry: 'IMAGE_REGISTRY',
    cloud: `${names.ciVariablePrefix}CLOUD`,
  } as const;
}

/**
 * The repository variables of this repository's workflows.
 * @example repositoryVariables.cloud // 'SLIPWAY_CLOUD'
 */
export const repositoryVariables = repositoryVariablesOf(productNames);

/**
 * The environment secrets that unlock a stack, and the environments that hold each: a
 * passphrase per stack, never a repository secret.
 * @example environmentSecrets[0] // { name: 'PULUMI_CONFIG_PASSPHRASE_STAGING', environments: ['staging', 'preview'] }
 */
export const environmentSecrets: readonly {
  readonly name: string;
  readonly environments: readonly DeployEnvironment[];
}[] = [
  { name: 'PULUMI_CONFIG_PASSPHRASE_STAGING', environments: ['staging', 'preview'] },
  { name: 'PULUMI_CONFIG_PASSPHRASE_PRODUCTION', environments: ['production'] },
];

/**
 * The variables each deploy environment sets for a cloud's login (none for `none`).
 * @example cloudLoginVariables('gcp') // ['GCP_WORKLOAD_IDENTITY_PROVIDER', 'GCP_SERVICE_ACCOUNT']
 */
export function cloudLoginVariables(cloud: Cloud): readonly string[] {
  return clouds[cloud].requiredVariables;
}
