import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { packageRepository } from '@slipway/platform-contract';
import type { ChangePlan, PlannedFile } from '../shared/change-plan.ts';
import { descriptionProblem } from '../shared/description-problem.ts';
import type { Generator } from '../shared/generator.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import { renderTemplateFolder } from '../shared/render-templates.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import type { RepoView } from '../shared/repo-view.ts';

/** Checked answers of the package generator. */
export interface PackageAnswers {
  /** The folder and unscoped package name, e.g. `money` for `@slipway/money`. */
  readonly name: string;
  readonly description: string;
  /** The repository's npm scope, e.g. `@slipway`. */
  readonly scope: string;
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
function packageNameProblem(name: string, catalog: RepoCatalog): string | undefined {
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
function checkPackageAnswers(data: unknown, catalog: RepoCatalog): PackageAnswers {
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
    scope: catalog.platform.scope,
  };
}

/**
 * The changeset that releases the new package: it is published, so its first version is a
 * release like any other.
 * @example packageChangeset({ name: 'money', description: '...', scope: '@slipway' })
 */
function packageChangeset(answers: PackageAnswers): PlannedFile {
  const { scope } = answers;
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
 * Everything a new package changes: its folder rendered from the templates, and a changeset.
 * @example planPackage({ name: 'money', description: '...' }, repo).directories[0]?.path // 'packages/money'
 */
export function planPackage(answers: PackageAnswers, repo: RepoView): ChangePlan {
  const { catalog } = repo;
  return {
    directories: [
      {
        path: `packages/${answers.name}`,
        files: repo.format(
          renderTemplateFolder(repo.templates, 'package', packageView(answers, catalog)),
        ),
      },
    ],
    files: [packageChangeset(answers)],
    removals: [],
  };
}

/**
 * The `package` generator: a shared library in `packages/<name>` with its build, tests,
 * exports and a changeset for its first release.
 * @example await runGenerator(packageGenerator, { name: 'money' }, root);
 */
export const packageGenerator: Generator<PackageAnswers> = {
  name: 'package',
  description: ({ platform }) =>
    `a shared library in packages/ (${platform.scope}/<name>): build, tests, exports, changeset`,
  questions: (catalog) => [
    {
      type: 'input',
      name: 'name',
      message: `Package name, without the scope (becomes ${catalog.platform.scope}/<name>):`,
      validate: (value: unknown) =>
        packageNameProblem(typeof value === 'string' ? value.trim() : '', catalog) ?? true,
    },
    { type: 'input', name: 'description', message: 'One-line description:' },
  ],
  check: checkPackageAnswers,
  plan: planPackage,
  nextSteps: ({ name, scope }) => [
    `use it from a service: add "${scope}/${name}": "*" to its dependencies, then npm install`,
    `npm test: typechecks, lints and tests every workspace, ${scope}/${name} included`,
    `commit packages/${name}, the changeset and package-lock.json`,
  ],
};
