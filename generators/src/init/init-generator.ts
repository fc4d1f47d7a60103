import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlopGeneratorConfig } from 'node-plop';
import { z } from 'zod';
import { formatFiles } from '../shared/format-files.js';
import { GeneratorError } from '../shared/generator-error.js';
import {
  type Cloud,
  clouds,
  clusterPrograms,
  formatPlatformConfig,
  platformConfigFile,
  scopeSchema,
} from '../shared/platform-config.js';
import { action } from '../shared/plop-actions.js';
import type { RepoCatalog } from '../shared/repo-catalog.js';
import { renameScope } from './rename-scope.js';

/** Checked answers of the init generator. */
export interface InitAnswers {
  readonly scope: string;
  readonly registry: string;
  readonly cloud: Cloud;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** An OCI registry and path: a host with a dot or a port (or localhost), lowercase path parts. */
// A registry host (with a dot or a port, or localhost, as Docker requires to tell it from a
// path) and lowercase path components separated as in Docker's reference grammar. The same
// rule is in scripts/src/platform-config.ts and generators/src/init/init-generator.ts.
const registryPattern =
  /^(localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)(:\d{1,5})?(\/[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*)*$/;

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
  if (registryPattern.test(registry)) return undefined;
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
    .object({ scope: z.unknown(), registry: z.unknown(), cloud: z.unknown() })
    .parse(data);
  const answers = { scope: text(raw.scope), registry: text(raw.registry), cloud: text(raw.cloud) };
  const { platform } = catalog;
  const problems: (string | undefined)[] = [];
  if (platform.initialized || platform.scope !== '@slipway') {
    problems.push(
      `This repository was already initialized (${platformConfigFile}: scope ${platform.scope}, cloud ${platform.cloud}); init runs once, on a fresh copy of the template. Change ${platformConfigFile} by hand to adjust the registry.`,
    );
  }
  problems.push(scopeProblem(answers.scope), registryProblem(answers.registry));
  if (!clouds.includes(answers.cloud as Cloud)) {
    problems.push(
      `The cloud '${answers.cloud}' is not supported: choose one of ${clouds.join(', ')}.`,
    );
  } else if (!existsSync(join(catalog.root, clusterPrograms[answers.cloud as Cloud]))) {
    problems.push(
      `The cluster program of ${answers.cloud} (${clusterPrograms[answers.cloud as Cloud]}) is missing: restore it from the template first.`,
    );
  }
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) throw new GeneratorError('initialize this repository', found);
  return { ...answers, cloud: answers.cloud as Cloud };
}

/**
 * The `init` generator: makes the template a company's own platform. It renames the
 * package scope everywhere, records the image registry and cloud in `platform.json`,
 * removes the cluster programs of the other clouds, and relinks the workspaces.
 * @example npm run init -- --scope @acme --registry ghcr.io/acme --cloud gcp
 */
export function initGenerator(catalog: RepoCatalog): PlopGeneratorConfig {
  return {
    description: 'make this template your own: package scope, image registry, cloud',
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
        choices: clouds,
        default: catalog.platform.cloud,
      },
    ],
    actions: [
      action<InitAnswers>('check', { rules: checkInitAnswers }),
      action<InitAnswers>('edit', {
        describe: 'rename the package scope',
        edit: (answers, { root, platform }) => {
          const renamed = renameScope(root, platform.scope, answers.scope);
          // Sorted by the renamed settings: their import groups name the new scope.
          const settings = renamed.find((file) => file.path === 'biome.json')?.content;
          return formatFiles(root, renamed, settings === undefined ? {} : { settings });
        },
      }),
      action<InitAnswers>('edit', {
        describe: 'record scope, registry and cloud',
        edit: (answers) => [
          {
            path: platformConfigFile,
            content: formatPlatformConfig({ ...answers, initialized: true }),
          },
        ],
      }),
      action<InitAnswers>('edit', {
        describe: 'remove the cluster programs of the other clouds',
        edit: (answers, { root }) => ({
          files: [],
          removals: clouds
            .filter((cloud) => cloud !== answers.cloud)
            .map((cloud) => clusterPrograms[cloud])
            .filter((dir) => existsSync(join(root, dir))),
        }),
      }),
      action<InitAnswers>('write', {
        generator: 'init',
        nextSteps: (answers) => [
          `npm test: the renamed workspaces typecheck, lint and pass their tests`,
          `npm create ${answers.scope}/service -- --name <name>: scaffolds a service under the new scope`,
          `commit everything: CI pushes images to ${answers.registry} and deploys with infra/${clusterPrograms[answers.cloud].slice('infra/'.length)}`,
        ],
      }),
      action('link'),
    ],
  };
}
