import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ClusterCloud,
  cloudLoginVariables,
  clusterProgram,
  deployEnvironments,
  environmentSecrets,
  type ProductNames,
  repositoryVariablesOf,
} from '@slipway/platform-contract';

/** What the report of an init run needs. */
export interface InitReportInput {
  readonly scope: { readonly from: string; readonly to: string };
  readonly product: { readonly from: ProductNames; readonly to: ProductNames };
  readonly registry: string;
  readonly cloud: ClusterCloud;
  /** Paths of the files rewritten or moved, relative to the root. */
  readonly files: readonly string[];
  /** Folders and files removed. */
  readonly removed: readonly string[];
}

const table = (rows: readonly (readonly [string, string])[], indent = '    ') => {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
};

/**
 * Counts files per top-level folder: `apps/ 12, docs/ 9, ...`, root files as `(root)`.
 * @example filesByFolder(['apps/a/x.ts', 'README.md']) // [['apps/', 1], ['(root)', 1]]
 */
export function filesByFolder(paths: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const slash = path.indexOf('/');
    const folder = slash === -1 ? '(root)' : `${path.slice(0, slash)}/`;
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b));
}

/**
 * What init changed, as lines to print: each name from → to, the files per folder, the
 * settings recorded and what was removed.
 * @example describeInit(input).join('\n')
 */
export function describeInit(input: InitReportInput): string[] {
  const { scope, product } = input;
  const [from, to] = [product.from, product.to];
  const names: [string, string][] = [
    ['package scope', `${scope.from} → ${scope.to}`],
    ['product name', `${from.name} → ${to.name}`],
    ['namespaces', `${from.namespacePrefix}-<stack> → ${to.namespacePrefix}-<stack>`],
    ['cluster names', `${from.namespacePrefix}-<stack> → ${to.namespacePrefix}-<stack>`],
    ['part-of label', `${from.partOf} → ${to.partOf}`],
    ['secret mount', `${from.secretMountRoot} → ${to.secretMountRoot}`],
    [
      'Pulumi projects',
      `${from.pulumiProjectPrefix}-<program> → ${to.pulumiProjectPrefix}-<program> (config keys, StackReferences)`,
    ],
    [
      'type tokens',
      `${from.typeTokenPrefix}:<module>:<Type> → ${to.typeTokenPrefix}:<module>:<Type>`,
    ],
    ['CI variables', `${from.ciVariablePrefix}* → ${to.ciVariablePrefix}*`],
    ['CI databases', `${from.snakeCase}_test → ${to.snakeCase}_test`],
    ['bins', `${from.name}-dev, ${from.name}-build → ${to.name}-dev, ${to.name}-build`],
  ];
  const folders = filesByFolder(input.files).map(([folder, n]) => `${folder} ${n}`);
  return [
    'Renamed:',
    ...table(names),
    `Files rewritten: ${input.files.length} (${folders.join(', ')})`,
    `Recorded in platform.json: scope ${scope.to}, registry ${input.registry}, cloud ${input.cloud}`,
    ...(input.removed.length > 0 ? [`Removed: ${input.removed.join(', ')}`] : []),
  ];
}

function stacksOf(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  const order = ['dev', 'staging', 'prod'];
  const rank = (s: string) => (order.includes(s) ? order.indexOf(s) : order.length);
  return readdirSync(join(root, dir))
    .map((file) => /^Pulumi\.([\w.-]+)\.yaml$/.exec(file)?.[1])
    .filter((stack): stack is string => stack !== undefined)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * What to do after init, in order: check, commit, create the stacks each program has a
 * stack file for, set the repository variables, the environments' login variables and secrets.
 * @example initNextSteps(root, { scope: '@acme', cloud: 'gcp', registry: 'ghcr.io/acme', product })
 */
export function initNextSteps(
  root: string,
  {
    scope,
    cloud,
    registry,
    product,
  }: { scope: string; cloud: ClusterCloud; registry: string; product: ProductNames },
): string[] {
  const programs = [clusterProgram(cloud), 'infra/platform', 'infra/services'];
  const stacks = programs.map(
    (dir) =>
      [
        dir,
        `${product.pulumiProjectPrefix}-${dir.slice('infra/'.length)}: ${stacksOf(root, dir).join(', ') || '(none yet)'}`,
      ] as const,
  );
  const environments = deployEnvironments.join(', ');
  const secrets = environmentSecrets.map(
    (secret) => [secret.name, `in ${secret.environments.join(', ')}`] as const,
  );
  const login = cloudLoginVariables(cloud);
  // The fork's names: this process still runs the template's code.
  const repositoryVariables = repositoryVariablesOf(product);
  return [
    'Next steps:',
    '  1. npm test: every renamed workspace typechecks, lints and passes its tests.',
    `  2. Commit: git add -A && git commit -m "Initialize the platform for ${scope}"`,
    '  3. Create the stacks, in this order (pulumi login <backend>, then pulumi stack init <stack> in each folder):',
    ...table(stacks, '       '),
    '  4. Repository variables (gh variable set <name> --body <value>):',
    ...table(
      [
        [repositoryVariables.pulumiBackend, 'where Pulumi keeps state; empty means Pulumi Cloud'],
        [repositoryVariables.registry, `optional, overrides platform.json's ${registry}`],
        [repositoryVariables.cloud, `optional, overrides platform.json's ${cloud}`],
      ],
      '       ',
    ),
    `  5. Variables of the environments ${environments} for the ${cloud} login (gh variable set <name> --env <environment>):`,
    `       ${login.join(', ')}`,
    '  6. Environment secrets (gh secret set <name> --env <environment>; docs/secrets.md):',
    ...table(secrets, '       '),
    ...(registry.startsWith('ghcr.io/')
      ? []
      : [
          `  7. ${registry} is not GHCR: change the deploy workflow's registry login (docs/deploying.md).`,
        ]),
    `  ${registry.startsWith('ghcr.io/') ? 7 : 8}. Scaffold services: npm create ${scope}/service -- --name <name>`,
  ];
}

/**
 * A line telling that init took a product name of its own from the scope, when it reads
 * differently from it (`@0x-labs` gives `x-labs`), or undefined: the name is in every
 * namespace, label and Pulumi project, so nobody should learn it from those.
 * @example derivedProductNote('@0x-labs', 'x-labs', undefined) // 'product "x-labs" derived from scope @0x-labs (pass --product to choose)'
 */
export function derivedProductNote(
  scope: string,
  product: string,
  typed: unknown,
): string | undefined {
  const given = typeof typed === 'string' && typed.trim() !== '';
  if (given || product === scope.replace(/^@/, '')) return undefined;
  return `product "${product}" derived from scope ${scope} (pass --product to choose)`;
}
