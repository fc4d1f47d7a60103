import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { PlopGeneratorConfig } from 'node-plop';
import { z } from 'zod';
import { packageRepository } from '@slipway/platform-contract';
import type { PlannedFile } from '../shared/change-plan.ts';
import { descriptionProblem } from '../shared/description-problem.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import { action } from '../shared/plop-actions.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';

/** Checked answers of the package generator. */
export interface PackageAnswers {
  /** The folder and unscoped package name, e.g. `money` for `@slipway/money`. */
  readonly name: string;
  readonly description: string;
}

const packageAnswersSchema = z.object({
  name: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string()),
  description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string()),
});

/**
 * Why `name` cannot be a new shared package, or undefined: a lowercase name that no
 * workspace, folder or installed package uses yet.
 * @example packageNameProblem('config', catalog) // "The name 'config' is taken by @slipway/config ..."
 */
export function packageNameProblem(name: string, catalog: RepoCatalog): string | undefined {
  const full = `${catalog.platform.scope}/${name}`;
  if (name === '') return "A package name is required: pass one such as 'money'.";
  if (!/^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 50) {
    return `The package name '${name}' is not valid: use lowercase letters, digits and '-', start with a letter, end with a letter or digit (for example 'money'); it becomes ${catalog.platform.scope}/<name>.`;
  }
  const folder = `packages/${name}`;
  if (existsSync(join(catalog.root, folder))) {
    return `The name '${name}' is taken: ${folder} already exists. Choose another name, or remove ${folder} first.`;
  }
  const workspace = catalog.workspaces.find(
    (w) => w.name === full || w.name === name || basename(w.dir) === name,
  );
  if (workspace) {
    return `The name '${name}' is taken by the workspace ${workspace.name} (${workspace.dir}): choose another name.`;
  }
  if (catalog.installed.has(full)) {
    return `The name '${name}' clashes with the installed package ${full} (node_modules/${full}): choose another name.`;
  }
  return undefined;
}

/**
 * Checks the package generator's answers against the repository.
 * @throws GeneratorError listing every problem.
 * @example checkPackageAnswers({ name: 'money' }, catalog)
 */
export function checkPackageAnswers(data: unknown, catalog: RepoCatalog): PackageAnswers {
  const raw = packageAnswersSchema.parse(data);
  const problems = [
    packageNameProblem(raw.name, catalog),
    descriptionProblem(raw.description),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    throw new GeneratorError(
      raw.name === '' ? 'create a package' : `create package '${raw.name}'`,
      problems,
    );
  }
  return {
    ...raw,
    description: raw.description || `Shared ${raw.name} code for the services of this platform.`,
  };
}

/**
 * The changeset that releases the new package: it is published, so its first version is a
 * release like any other.
 * @example packageChangeset({ name: 'money', description: '...' }, '@slipway')
 */
export function packageChangeset(answers: PackageAnswers, scope: string): PlannedFile {
  return {
    path: `.changeset/add-${answers.name}.md`,
    content: `---\n'${scope}/${answers.name}': minor\n---\n\nAdd ${scope}/${answers.name}: ${answers.description}\n`,
  };
}

/**
 * What the package templates see: the answers, the scope, the Node engine and the published
 * package's `repository` field (the repository `platform.json` names, npm provenance checks it).
 * @example packageView({ name: 'money', description: '...' }, catalog).repository.directory // 'packages/money'
 */
export function packageView(answers: PackageAnswers, { platform, nodeEngine }: RepoCatalog) {
  return {
    ...answers,
    scope: platform.scope,
    nodeEngine,
    repository: packageRepository(platform.repository, `packages/${answers.name}`),
  };
}

/**
 * The `package` generator: a shared library in `packages/<name>` with its build, tests,
 * exports and a changeset for its first release.
 * @example plop.setGenerator('package', packageGenerator(catalog));
 */
export function packageGenerator(catalog: RepoCatalog): PlopGeneratorConfig {
  const scope = catalog.platform.scope;
  return {
    description: `a shared library in packages/ (${scope}/<name>): build, tests, exports, changeset`,
    prompts: [
      {
        type: 'input',
        name: 'name',
        message: `Package name, without the scope (becomes ${scope}/<name>):`,
        validate: (value: unknown) =>
          packageNameProblem(typeof value === 'string' ? value.trim() : '', catalog) ?? true,
      },
      { type: 'input', name: 'description', message: 'One-line description:' },
    ],
    actions: [
      action<PackageAnswers>('check', { rules: checkPackageAnswers }),
      action<PackageAnswers>('render', {
        templates: 'package',
        destination: 'packages/{{name}}',
        view: packageView,
      }),
      action<PackageAnswers>('edit', {
        describe: 'add a changeset for its first release',
        edit: (answers, { platform }) => [packageChangeset(answers, platform.scope)],
      }),
      action<PackageAnswers>('write', {
        generator: 'package',
        nextSteps: (answers) => [
          `use it from a service: add "${scope}/${answers.name}": "*" to its dependencies, then npm install`,
          `npm test: typechecks, lints and tests every workspace, ${scope}/${answers.name} included`,
          `commit packages/${answers.name}, the changeset and package-lock.json`,
        ],
      }),
      action('link'),
    ],
  };
}
