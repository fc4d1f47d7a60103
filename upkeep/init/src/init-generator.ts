import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CustomActionFunction, PlopGeneratorConfig } from 'node-plop';
import { z } from 'zod';
import type { RepoCatalog } from '@slipway/generators';
import { formatFiles, GeneratorError } from '@slipway/generators';
import {
  type ClusterCloud,
  clouds,
  clusterClouds,
  clusterProgram,
  defaultProductName,
  formatPlatformFile,
  isRegistry,
  productNameProblem,
  productNames,
  productNamesOf,
  repositoryFiles,
  scopeSchema,
} from '@slipway/platform-contract';
import { forkPackageRepositories, originRepository, repositoryProblem } from './fork-repository.ts';
import { forkTemplateRecords } from './fork-template-records.ts';
import { derivedProductNote, describeInit, initNextSteps } from './init-report.ts';
import { leaveOutClouds } from './leave-out-clouds.ts';
import { leaveOutUpkeep } from './leave-out-upkeep.ts';
import { action } from './plop-actions.ts';
import { type PlatformRename, renamePlatform } from './rename-platform.ts';
import { runState } from './run-state.ts';

const platformConfigFile = repositoryFiles.platform;

/** Checked answers of the init generator. */
export interface InitAnswers {
  readonly scope: string;
  readonly registry: string;
  readonly cloud: ClusterCloud;
  /** The product name every company-facing name is made of; default: from the scope. */
  readonly product: string;
  /** The fork's GitHub repository, `<owner>/<name>`; default: the `origin` remote's. */
  readonly repository: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * Why `scope` cannot become the package scope, or undefined.
 * @example scopeProblem('Acme') // "The scope 'Acme' is not a valid npm scope: ..."
 */
export function scopeProblem(scope: string): string | undefined {
  if (scope === '') return "A scope is required: pass your company's npm scope, such as '@acme'.";
  const result = scopeSchema.safeParse(scope);
  return result.success
    ? undefined
    : `The scope '${scope}' is not a valid npm scope: it ${result.error.issues[0]?.message}.`;
}

/**
 * Why `registry` cannot hold the service images, or undefined.
 * @example registryProblem('ghcr.io/Acme') // "The registry 'ghcr.io/Acme' is not ..."
 */
export function registryProblem(registry: string): string | undefined {
  if (registry === '')
    return "A registry is required: pass where CI pushes images, such as 'ghcr.io/acme'.";
  if (isRegistry(registry)) return undefined;
  return `The registry '${registry}' is not an image registry path: use a lowercase host with a dot or a port and an optional path, such as 'ghcr.io/acme', '123456789012.dkr.ecr.eu-west-1.amazonaws.com' or 'europe-docker.pkg.dev/acme/services'.`;
}

/**
 * Checks the init answers, and that this repository is still the untouched template: init
 * runs once, since a second rename or a second removal of clusters would corrupt the tree.
 * @throws GeneratorError listing every problem.
 * @example checkInitAnswers({ scope: '@acme', registry: 'ghcr.io/acme', cloud: 'aws' }, catalog)
 */
export function checkInitAnswers(data: unknown, catalog: RepoCatalog): InitAnswers {
  const raw = z
    .object({
      scope: z.unknown(),
      registry: z.unknown(),
      cloud: z.unknown(),
      product: z.unknown().optional(),
      repository: z.unknown().optional(),
    })
    .parse(data);
  const scope = text(raw.scope);
  const answers = {
    scope,
    registry: text(raw.registry),
    cloud: text(raw.cloud),
    product: text(raw.product) || defaultProductName(scope),
    repository: text(raw.repository) || originRepository(catalog.root) || '',
  };
  const { platform } = catalog;
  const problems: (string | undefined)[] = [];
  if (platform.initialized || platform.scope !== '@slipway') {
    problems.push(
      `This repository was already initialized (${platformConfigFile}: scope ${platform.scope}, cloud ${platform.cloud}); init runs once, on a fresh copy of the template. Change ${platformConfigFile} by hand to adjust the registry.`,
    );
  }
  problems.push(
    scopeProblem(answers.scope),
    registryProblem(answers.registry),
    productNameProblem(answers.product),
    repositoryProblem(answers.repository),
  );
  if (!clusterClouds.includes(answers.cloud as ClusterCloud)) {
    problems.push(
      `The cloud '${answers.cloud}' is not supported: choose one of ${clusterClouds.join(', ')}.`,
    );
  } else if (!existsSync(join(catalog.root, clusterProgram(answers.cloud as ClusterCloud)))) {
    problems.push(
      `The cluster program of ${answers.cloud} (${clusterProgram(answers.cloud as ClusterCloud)}) is missing: restore it from the template first.`,
    );
  }
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) throw new GeneratorError('initialize this repository', found);
  return { ...answers, cloud: answers.cloud as ClusterCloud };
}

/** The names init changes, from this repository's to the answers'. */
function renameOf(answers: InitAnswers, catalog: RepoCatalog): PlatformRename {
  return {
    scope: { from: catalog.platform.scope, to: answers.scope },
    product: { from: productNames, to: productNamesOf(answers.product) },
  };
}

/**
 * Plans the whole init (the renamed files, formatted with the renamed Biome settings so import
 * order never depends on the scope's spelling; platform.json; the other clouds' cluster
 * programs removed) and prints what it changes as a list.
 */
const planInit: CustomActionFunction = async (data) => {
  const state = runState(data);
  const { catalog } = state;
  const answers = state.answers as InitAnswers | undefined;
  if (answers === undefined || catalog === undefined) throw new Error('init: check first');
  const { root } = catalog;
  const rename = renameOf(answers, catalog);
  const renamed = renamePlatform(root, rename);
  const settings = renamed.files.find((file) => file.path === 'biome.json')?.content;
  const planned = forkPackageRepositories(
    root,
    renamed.files,
    catalog.workspaces,
    answers.repository,
  );
  const upkeep = leaveOutUpkeep(root, planned);
  const otherClouds = leaveOutClouds(root, upkeep.files, answers.cloud);
  const removed = [...otherClouds.removals, ...upkeep.removals];
  const files = forkTemplateRecords(
    root,
    formatFiles(root, otherClouds.files, settings === undefined ? {} : { settings }),
    [...(renamed.removals ?? []), ...removed],
  );
  state.plan.files.push(...files, {
    path: platformConfigFile,
    content: formatPlatformFile({
      scope: answers.scope,
      registry: answers.registry,
      cloud: answers.cloud,
      repository: answers.repository,
      initialized: true,
    }),
  });
  state.plan.removals.push(...(renamed.removals ?? []), ...removed);
  const lines = describeInit({
    ...rename,
    registry: answers.registry,
    cloud: answers.cloud,
    files: files
      .map((file) => file.path)
      .filter((path) => !removed.some((dir) => path.startsWith(`${dir}/`))),
    removed,
  });
  return `planned the rename\n${lines.join('\n')}`;
};

/** The product name's question: its default comes from the scope answered before it. */
const productPrompt = {
  type: 'input',
  name: 'product',
  message: 'Product name for namespaces, labels, Pulumi projects and CI variables:',
  default: (answers: { scope?: unknown }) => defaultProductName(text(answers.scope)),
  validate: (value: unknown) => productNameProblem(text(value)) ?? true,
} as const;

/** The fork's repository question: its default is the `origin` remote's. */
const repositoryPrompt = (root: string) =>
  ({
    type: 'input',
    name: 'repository',
    message: "The fork's GitHub repository, <owner>/<name> (the packages' repository):",
    default: originRepository(root),
    validate: (value: unknown) => repositoryProblem(text(value)) ?? true,
  }) as const;

/**
 * Whether init asks for the product name: in a terminal, or to take `--product` (or to list it
 * in `--help`). Plop cannot skip a conditional question its flags answer, so without either the
 * question is left out and {@link checkInitAnswers} takes the default from the scope.
 */
function askProduct(argv: readonly string[] = process.argv): boolean {
  // `--help` lists the flags from the questions: the product's must be among them.
  return (
    process.stdin.isTTY === true || argv.some((arg) => /^(--product(=|$)|--help$|-h$)/.test(arg))
  );
}

/** Whether init asks for the fork's repository, as {@link askProduct}; default: the origin's. */
function askRepository(argv: readonly string[] = process.argv): boolean {
  return (
    process.stdin.isTTY === true || argv.some((arg) => /^(--repository(=|$)|--help$|-h$)/.test(arg))
  );
}

/**
 * The `init` generator: makes the template a company's own platform. It renames the package
 * scope and every company-facing name made of the product name (namespaces, labels, the
 * secret mount, Pulumi projects, type tokens, CI variables; see `@slipway/platform-contract`),
 * records the image registry and cloud in `platform.json`, removes the cluster programs of the
 * other clouds and the template's own upkeep (this generator included), relinks the workspaces
 * and prints the next steps.
 * @example npm run init -- --scope @acme --registry ghcr.io/acme --cloud gcp --product acme
 */
export function initGenerator(catalog: RepoCatalog): PlopGeneratorConfig {
  const nextSteps = (answers: InitAnswers) =>
    initNextSteps(catalog.root, {
      ...answers,
      product: productNamesOf(answers.product),
    });
  return {
    description: 'make this template your own: package scope, image registry, cloud, product name',
    prompts: [
      {
        type: 'input',
        name: 'scope',
        message: "Your npm scope (e.g. '@acme'):",
        validate: (value: unknown) => scopeProblem(text(value)) ?? true,
      },
      {
        type: 'input',
        name: 'registry',
        message: "Registry for service images (e.g. 'ghcr.io/acme'):",
        validate: (value: unknown) => registryProblem(text(value)) ?? true,
      },
      {
        type: 'list',
        name: 'cloud',
        message: 'Cloud the platform runs on:',
        choices: clusterClouds.map((cloud) => ({ name: clouds[cloud].title, value: cloud })),
        default: catalog.platform.cloud,
      },
      ...(askProduct() ? [productPrompt] : []),
      ...(askRepository() ? [repositoryPrompt(catalog.root)] : []),
    ],
    actions: [
      action<InitAnswers>('check', { rules: checkInitAnswers }),
      planInit,
      action<InitAnswers>('write', { generator: 'init', nextSteps }),
      action('link'),
      async function printNextSteps(data: object) {
        const answers = runState(data).answers as InitAnswers;
        const note = derivedProductNote(
          answers.scope,
          answers.product,
          Reflect.get(data, 'product'),
        );
        return `done\n${[...(note ? [note] : []), ...nextSteps(answers)].join('\n')}`;
      },
    ],
  };
}
