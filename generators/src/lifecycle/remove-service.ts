import { spawnSync } from 'node:child_process';
import { z } from 'zod';
import { serviceDir, serviceManifestPath, serviceUrlVariable } from '@slipway/platform-contract';
import { clientsFolder } from '../service/typed-clients.ts';
import type { ChangePlan } from '../shared/change-plan.ts';
import type { Generator } from '../shared/generator.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import type { RepoView } from '../shared/repo-view.ts';
import {
  calleesOf,
  callersOf,
  dependentsOf,
  editCodeowners,
  editRecord,
  PlannedTexts,
} from './service-edits.ts';
import { editManifestList, withoutCalleeConfig } from './service-references.ts';
import { removeStackEntries } from './stack-entries.ts';

/** Checked answers of `remove-service`. */
export interface RemoveAnswers {
  readonly name: string;
  /** Also remove the calls of the services that still call it. */
  readonly forceCallers: boolean;
}

const schema = z.object({
  name: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string()),
  'force-callers': z.preprocess(
    (v) => (typeof v === 'string' ? ['y', 'yes', 'true'].includes(v) : v === true),
    z.boolean(),
  ),
});

/** Why `name` names no service, or undefined. */
export function unknownServiceProblem(name: string, catalog: RepoCatalog): string | undefined {
  if (catalog.services.some((s) => s.name === name)) return undefined;
  const names = catalog.services.map((s) => s.name).join(', ') || 'none';
  return name === ''
    ? `Name the service: npm run gen -- remove-service <name> (services: ${names}).`
    : `There is no service '${name}' (no ${serviceManifestPath(name)}); services: ${names}.`;
}

/**
 * Why removing the folder would lose work: files git has not committed in it (ignored output
 * aside). Outside a git repository there is nothing to compare with, so nothing to say.
 */
function uncommittedProblem(root: string, name: string): string | undefined {
  const status = spawnSync(
    'git',
    ['status', '--porcelain', '--untracked-files=all', '--', serviceDir(name)],
    { cwd: root, encoding: 'utf8' },
  );
  if (status.status !== 0 || status.stdout.trim() === '') return undefined;
  const count = status.stdout.trim().split('\n').length;
  const dir = serviceDir(name);
  return `${dir} has ${count} uncommitted change${count === 1 ? '' : 's'} (git status ${dir}) that removing it would lose: commit or discard them first.`;
}

/**
 * Checks that a service can go: it exists, and nothing else needs it, unless `--force-callers`
 * is given for its callers.
 * @throws GeneratorError naming each problem and its fix.
 */
function checkRemoveAnswers(data: unknown, catalog: RepoCatalog): RemoveAnswers {
  const raw = schema.parse(data);
  const answers = { name: raw.name, forceCallers: raw['force-callers'] };
  const label = `remove service '${answers.name}'`;
  if (catalog.manifestProblem !== undefined) {
    throw new GeneratorError(label, [
      `The service manifests are invalid, fix them first:\n${catalog.manifestProblem}`,
    ]);
  }
  const unknown = unknownServiceProblem(answers.name, catalog);
  if (unknown) throw new GeneratorError(label, [unknown]);
  const problems: string[] = [];
  const uncommitted = uncommittedProblem(catalog.root, answers.name);
  if (uncommitted) problems.push(uncommitted);
  const callers = callersOf(answers.name, catalog);
  if (callers.length > 0 && !answers.forceCallers) {
    problems.push(
      `${answers.name} is still called by ${callers.join(', ')}: remove those calls first (the code that makes them, then run this again), or add -- --force-callers to also remove from each caller the call in its manifest, ${serviceUrlVariable(answers.name)} and its call policy in src/config.ts, ${clientsFolder}/${answers.name}-client.ts and the devDependency; code that uses that client then stops compiling, and tsc shows where.`,
    );
  }
  const callerDirs = answers.forceCallers ? callers.map(serviceDir) : [];
  for (const workspace of dependentsOf(answers.name, catalog, callerDirs)) {
    if (callers.some((caller) => serviceDir(caller) === workspace.dir)) continue;
    problems.push(
      `${workspace.dir}/package.json depends on ${answers.name}: remove that dependency and the code that uses it first.`,
    );
  }
  if (problems.length > 0) throw new GeneratorError(label, problems);
  return answers;
}

/**
 * Everything removing a service changes: its folder goes; the services it calls drop it from
 * `calledBy`; with `--force-callers` each caller loses the call, its config and its client;
 * CODEOWNERS and the stack files lose its entries; template records follow.
 * @example planRemoveService({ name: 'billing', forceCallers: false }, repo)
 */
export function planRemoveService({ name }: RemoveAnswers, repo: RepoView): ChangePlan {
  const { catalog, files } = repo;
  const texts = new PlannedTexts(files);
  const removals = [serviceDir(name)];
  for (const callee of calleesOf(name, catalog)) {
    texts.edit(serviceManifestPath(callee), (text) => editManifestList(text, 'calledBy', name));
    editRecord(texts, callee, (record) => ({
      ...record,
      answers: { ...record.answers, calledBy: record.answers.calledBy.filter((s) => s !== name) },
    }));
  }
  for (const caller of callersOf(name, catalog)) {
    const dir = serviceDir(caller);
    texts.edit(serviceManifestPath(caller), (text) => editManifestList(text, 'calls', name));
    texts.edit(`${dir}/src/config.ts`, (text) => withoutCalleeConfig(text, name));
    texts.edit(`${dir}/package.json`, (text) => {
      const pkg = JSON.parse(text) as { devDependencies?: Record<string, string> };
      if (pkg.devDependencies?.[name] === undefined) return text;
      delete pkg.devDependencies[name];
      return `${JSON.stringify(pkg, null, 2)}\n`;
    });
    for (const suffix of ['client.ts', 'client.test.ts']) {
      const client = `${dir}/${clientsFolder}/${name}-${suffix}`;
      if (texts.exists(client)) removals.push(client);
    }
    editRecord(texts, caller, (record) => {
      const { [name]: _removed, ...ports } = record.repository.ports;
      return {
        ...record,
        answers: { ...record.answers, calls: record.answers.calls.filter((s) => s !== name) },
        repository: { ...record.repository, ports },
      };
    });
  }
  editCodeowners(texts, name);
  return {
    directories: [],
    files: [...repo.format(texts.files()), ...removeStackEntries(files, name)],
    removals,
  };
}

/** The `remove-service` question that only a terminal asks; without one the check names the flag. */
const forceCallersQuestion = {
  type: 'confirm',
  name: 'force-callers',
  message: 'Also remove its calls from the services that still call it, if any?',
  default: false,
  // A boolean, not a function: plop refuses a flag for a prompt with a function `when`.
  when: process.stdin.isTTY === true,
} as const;

/**
 * The `remove-service` generator: `npm run gen -- remove-service <name> [-- --force-callers]`.
 * @example await runGenerator(removeServiceGenerator, { name: 'billing' }, root);
 */
export const removeServiceGenerator: Generator<RemoveAnswers> = {
  name: 'remove-service',
  description: 'remove a service: its folder, both sides of its calls, CODEOWNERS, stack entries',
  questions: (catalog) => [
    {
      type: 'input',
      name: 'name',
      message: 'Service to remove:',
      validate: (value: unknown) => unknownServiceProblem(String(value).trim(), catalog) ?? true,
    },
    forceCallersQuestion,
  ],
  check: checkRemoveAnswers,
  plan: planRemoveService,
  nextSteps: ({ name }) => [
    `npm test: what used ${name} fails to compile, if anything still does`,
    `commit the removal with package-lock.json; the next deploy deletes ${name} from each cluster`,
  ],
};
