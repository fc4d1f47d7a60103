import type { ClusterPulumiProgram } from './clouds.ts';

/**
 * The names a company sees, all made from one product name: namespaces, the `part-of` label,
 * the secret mount, Pulumi projects, component type tokens and CI variables. `npm run init`
 * rewrites the one spelling below ({@link productNames}) and every name here follows.
 */
export interface ProductNames {
  /** The product's own name, lowercase and kebab-case: `slipway`. */
  readonly name: string;
  /** Environment namespaces (and cluster names) are `<prefix>-<stack>`: `slipway-dev`. */
  readonly namespacePrefix: string;
  /** The `app.kubernetes.io/part-of` label of every object the platform creates. */
  readonly partOf: string;
  /** Where a service's secrets are mounted, one file per secret: `/var/run/secrets/slipway`. */
  readonly secretMountRoot: string;
  /** Pulumi projects are `<prefix>-<program>`: `slipway-platform`, `slipway-services`. */
  readonly pulumiProjectPrefix: string;
  /** Component type tokens are `<prefix>:<module>:<Type>`: `slipway:platform:Platform`. */
  readonly typeTokenPrefix: string;
  /** Repository variables of the workflows start with it: `SLIPWAY_CLOUD`. */
  readonly ciVariablePrefix: string;
  /** The name in snake_case, where a hyphen is not allowed (CI database names, shell functions). */
  readonly snakeCase: string;
  /** The name in camelCase, as an identifier's first word. */
  readonly camelCase: string;
}

/** A product name: lowercase words joined by hyphens, short enough for every name made of it. */
const productNamePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The longest product name: cluster names (`<name>-<stack>`, GKE allows 40 characters) and
 * node service accounts (`<name>-<stack>-nodes`, 30) must fit.
 */
export const productNameMaxLength = 20;

/**
 * Why `name` cannot be the product name, or undefined.
 * @example productNameProblem('Acme') // "The product name 'Acme' ..."
 */
export function productNameProblem(name: string): string | undefined {
  if (productNamePattern.test(name) && name.length <= productNameMaxLength) return undefined;
  return `The product name '${name}' is not usable: use lowercase letters and digits, words joined by '-', starting with a letter, at most ${productNameMaxLength} characters (for example 'acme').`;
}

/**
 * Every product name made from one name.
 * @throws Error when the name is not a product name ({@link productNameProblem}).
 * @example productNamesOf('acme-corp').ciVariablePrefix // 'ACME_CORP_'
 */
export function productNamesOf(name: string): ProductNames {
  const problem = productNameProblem(name);
  if (problem) throw new Error(problem);
  const words = name.split('-');
  const snakeCase = words.join('_');
  return {
    name,
    namespacePrefix: name,
    partOf: name,
    secretMountRoot: `/var/run/secrets/${name}`,
    pulumiProjectPrefix: name,
    typeTokenPrefix: name,
    ciVariablePrefix: `${snakeCase.toUpperCase()}_`,
    snakeCase,
    camelCase: words.map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join(''),
  };
}

/**
 * The product names of this repository. `npm run init -- --product <name>` rewrites this line.
 * @example productNames.partOf // 'slipway'
 */
export const productNames: ProductNames = productNamesOf('slipway');

/**
 * The product name a scope suggests: `@acme` → `acme`, `@acme.io` → `acme-io`; cut to
 * {@link productNameMaxLength} characters at a word's end when it can be.
 * @example defaultProductName('@northwind-traders-platform') // 'northwind-traders'
 */
export function defaultProductName(scope: string): string {
  const words = scope
    .replace(/^@/, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  while (words.length > 0 && /^[0-9]/.test(words[0] ?? '')) words[0] = words[0]?.slice(1) ?? '';
  let name = '';
  for (const word of words.filter((w) => w !== '')) {
    const next = name === '' ? word : `${name}-${word}`;
    if (next.length > productNameMaxLength) break;
    name = next;
  }
  if (name === '') name = (words.find((w) => w !== '') ?? '').slice(0, productNameMaxLength);
  return name === '' ? 'platform' : name;
}

/**
 * An environment's namespace: `<product>-<stack>`.
 * @example environmentNamespace('dev') // 'slipway-dev'
 */
export function environmentNamespace(stack: string): string {
  return `${productNames.namespacePrefix}-${stack}`;
}

/**
 * The namespace of a pull request's preview environment: `<product>-pr-<number>`
 * (`npm run preview -- up --pr <number>`, docs/deploying/previews.md).
 * @throws Error when the number is not a positive integer.
 * @example previewNamespace(42) // 'slipway-pr-42'
 */
export function previewNamespace(pullRequest: number): string {
  if (!Number.isSafeInteger(pullRequest) || pullRequest < 1)
    throw new Error(`pull request number ${pullRequest} is not a positive integer`);
  return `${productNames.namespacePrefix}-pr-${pullRequest}`;
}

/**
 * The default name of a stack's Kubernetes cluster: `<product>-<stack>`.
 * @example clusterName('prod') // 'slipway-prod'
 */
export function clusterName(stack: string): string {
  return `${productNames.namespacePrefix}-${stack}`;
}

/**
 * The Pulumi programs of the repository, by the suffix of their project name: the platform, the
 * services and each cloud's cluster program ({@link ClusterPulumiProgram}: a cloud added to
 * `clouds` adds its own).
 */
export type PulumiProgram = 'platform' | 'services' | ClusterPulumiProgram;

/**
 * A Pulumi program's project name, which prefixes its config keys (`slipway-services:namespace`).
 * @example pulumiProject('services') // 'slipway-services'
 */
export function pulumiProject(program: PulumiProgram): string {
  return `${productNames.pulumiProjectPrefix}-${program}`;
}

/**
 * The name a StackReference takes for a program's stack on a self-managed backend.
 * @example stackReference('platform', 'dev') // 'organization/slipway-platform/dev'
 */
export function stackReference(program: PulumiProgram, stack: string): string {
  return `organization/${pulumiProject(program)}/${stack}`;
}

/**
 * A component resource's type token.
 * @example componentType('platform', 'Platform') // 'slipway:platform:Platform'
 */
export function componentType(module: string, type: string): string {
  return `${productNames.typeTokenPrefix}:${module}:${type}`;
}

/**
 * A repository variable the workflows read, under the product's prefix.
 * @example ciVariable('CLOUD') // 'SLIPWAY_CLOUD'
 */
export function ciVariable(suffix: string): string {
  return `${productNames.ciVariablePrefix}${suffix}`;
}
