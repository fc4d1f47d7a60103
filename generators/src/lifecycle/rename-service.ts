import { isScalar, parseDocument } from 'yaml';
import { z } from 'zod';
import { serviceDir, serviceManifestPath } from '@slipway/platform-contract';
import { nameProblem } from '../service/service-rules.ts';
import { clientsFolder } from '../service/typed-clients.ts';
import type { ChangePlan } from '../shared/change-plan.ts';
import type { Generator } from '../shared/generator.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import { diskFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { readTemplateRecord, recordPathOf } from '../sync/template-record.ts';
import { unknownServiceProblem } from './remove-service.ts';
import { renamedDataProblem, replaceDataFlag } from './renamed-data-services.ts';
import { renamedAnswers, renamedTemplateFiles } from './renamed-template-files.ts';
import {
  calleesOf,
  callersOf,
  dependentsOf,
  editCodeowners,
  editRecord,
  PlannedTexts,
  sourceFiles,
} from './service-edits.ts';
import {
  editManifestList,
  renameCalleeTokens,
  renameOwnTokens,
  replaceScalar,
} from './service-references.ts';
import { moveStackValueCommands, removeStackEntries, stackEntriesOf } from './stack-entries.ts';

/** Checked answers of `rename-service`. */
export interface RenameAnswers {
  readonly name: string;
  readonly newName: string;
  /** Rename a service with a database or cache although its cloud ones are replaced by empty ones. */
  readonly replaceData?: boolean;
}

const text = z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string());
const schema = z.object({
  name: text,
  newName: text,
  [replaceDataFlag]: z.preprocess(
    (v) => (typeof v === 'string' ? ['y', 'yes', 'true'].includes(v) : v === true),
    z.boolean(),
  ),
});

/**
 * Why values stored under the old name in the stacks stop a rename (secrets are encrypted for
 * their path; `dataServices` names the servers the service uses), with the commands that move them.
 */
function stackValuesProblem(
  name: string,
  newName: string,
  catalog: RepoCatalog,
): string | undefined {
  const stacks = stackEntriesOf(diskFiles(catalog.root), name);
  const held = (['secrets', 'dataServices'] as const).flatMap((field) =>
    stacks
      .filter((s) => s[field].length > 0)
      .map((s) => ({ field, stack: s.stack, path: s.path, values: s[field] })),
  );
  if (held.length === 0) return undefined;
  const listed = held
    .map((h) => `${h.path}: ${h.field}.${name}: ${h.values.map((v) => v.name).join(', ')}`)
    .join('; ');
  const commands = held.flatMap((h) =>
    moveStackValueCommands(h.stack, h.field, name, newName, h.values),
  );
  return `Stack config holds values of ${name} under its name (${listed}), secrets encrypted for their path: move them to ${newName} first, in infra/services:\n${commands.map((c) => `      ${c}`).join('\n')}\n    then run the rename again.`;
}

/**
 * Checks that a service can take a new name: it exists, the new name is free and valid (the
 * rules of a new service), no stack holds secrets or data service entries under the old name,
 * and its declared data services would not be replaced by empty ones unless `--replace-data`.
 * @throws GeneratorError naming each problem and its fix.
 */
function checkRenameAnswers(data: unknown, catalog: RepoCatalog): RenameAnswers {
  const raw = schema.parse(data);
  const answers = { name: raw.name, newName: raw.newName, replaceData: raw[replaceDataFlag] };
  const label = `rename service '${answers.name}'`;
  if (catalog.manifestProblem !== undefined) {
    throw new GeneratorError(label, [
      `The service manifests are invalid, fix them first:\n${catalog.manifestProblem}`,
    ]);
  }
  const problems = [
    unknownServiceProblem(answers.name, catalog),
    answers.newName === answers.name
      ? `'${answers.newName}' is already its name: choose another one.`
      : nameProblem(answers.newName, catalog),
    stackValuesProblem(answers.name, answers.newName, catalog),
    renamedDataProblem(answers.name, answers.newName, catalog, answers.replaceData),
    ...dependentsOf(answers.name, catalog, callersOf(answers.name, catalog).map(serviceDir)).map(
      (w) =>
        `${w.dir}/package.json depends on ${answers.name} but does not call it: rename that dependency by hand after the rename, or remove it first.`,
    ),
  ].filter((p): p is string => p !== undefined);
  if (problems.length > 0) throw new GeneratorError(label, problems);
  return answers;
}

const renameKey = (record: Readonly<Record<string, number>>, from: string, to: string) =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
const renameIn = (names: readonly string[], from: string, to: string) =>
  names.map((n) => (n === from ? to : n));

/**
 * The renamed service's own files, at their new place: what the template wrote is written again
 * under the new name (merged with the team's changes); in the rest, and where a merge cannot
 * be clean, the tokens its code derives from its name are renamed.
 */
function renameOwnFiles(texts: PlannedTexts, repo: RepoView, from: string, to: string): void {
  const at = (path: string) => `${serviceDir(to)}${path.slice(serviceDir(from).length)}`;
  const record = readTemplateRecord(repo.files, from);
  const rendered = record ? renamedTemplateFiles(repo, record, to) : new Map<string, string>();
  const own = (path: string) => rendered.get(path.slice(`${serviceDir(from)}/`.length));
  for (const path of sourceFiles(repo.files, from, /./)) {
    const before = repo.files.read(path) ?? '';
    const merged = own(path);
    const after =
      merged !== undefined
        ? renameOwnTokens(merged, from, to)
        : /\.(ts|md)$/.test(path)
          ? renameOwnTokens(before, from, to)
          : before;
    if (after !== before) texts.set(at(path), after);
  }
  const packagePath = `${serviceDir(from)}/package.json`;
  if (own(packagePath) === undefined) {
    const pkg = JSON.parse(repo.files.read(packagePath) ?? '{}') as object;
    texts.set(
      `${serviceDir(to)}/package.json`,
      `${JSON.stringify({ ...pkg, name: to }, null, 2)}\n`,
    );
  }
  if (own(serviceManifestPath(from)) === undefined) {
    const manifest = repo.files.read(serviceManifestPath(from)) ?? '';
    const nameNode = parseDocument(manifest).get('name', true);
    const range = isScalar(nameNode) ? nameNode.range : undefined;
    texts.set(serviceManifestPath(to), range ? replaceScalar(manifest, range, to) : manifest);
  }
}

/**
 * Everything renaming a service changes: its folder moves, with what its code derives from its
 * name; callers rename their config variables, client and devDependency; both sides of every
 * call, CODEOWNERS, the stacks' image entries and the template records follow.
 * @example planRenameService({ name: 'orders', newName: 'purchases' }, repo)
 */
export function planRenameService({ name, newName }: RenameAnswers, repo: RepoView): ChangePlan {
  const { catalog, files } = repo;
  const texts = new PlannedTexts(files);
  const removals: string[] = [];
  renameOwnFiles(texts, repo, name, newName);
  editRecord(
    texts,
    name,
    (record) => ({
      ...record,
      answers: renamedAnswers(record.answers, newName),
    }),
    recordPathOf(newName),
  );
  for (const callee of calleesOf(name, catalog)) {
    texts.edit(serviceManifestPath(callee), (t) => editManifestList(t, 'calledBy', name, newName));
    editRecord(texts, callee, (record) => ({
      ...record,
      answers: { ...record.answers, calledBy: renameIn(record.answers.calledBy, name, newName) },
    }));
  }
  for (const caller of callersOf(name, catalog)) {
    const dir = serviceDir(caller);
    texts.edit(serviceManifestPath(caller), (t) => editManifestList(t, 'calls', name, newName));
    for (const path of sourceFiles(files, caller, /\.ts$/)) {
      const client = new RegExp(`/${clientsFolder}/${name}-(client(\\.test)?\\.ts)$`).exec(path);
      if (!client) {
        texts.edit(path, (t) => renameCalleeTokens(t, name, newName));
        continue;
      }
      removals.push(path);
      const content = renameCalleeTokens(files.read(path) ?? '', name, newName);
      texts.set(`${dir}/${clientsFolder}/${newName}-${client[1]}`, content);
    }
    texts.edit(`${dir}/package.json`, (t) => {
      const pkg = JSON.parse(t) as { devDependencies?: Record<string, string> };
      const range = pkg.devDependencies?.[name];
      if (!pkg.devDependencies || range === undefined) return t;
      const { [name]: _old, ...rest } = pkg.devDependencies;
      pkg.devDependencies = Object.fromEntries(
        Object.entries({ ...rest, [newName]: range }).sort(([a], [b]) => a.localeCompare(b)),
      );
      return `${JSON.stringify(pkg, null, 2)}\n`;
    });
    editRecord(texts, caller, (record) => ({
      ...record,
      answers: { ...record.answers, calls: renameIn(record.answers.calls, name, newName) },
      repository: {
        ...record.repository,
        ports: renameKey(record.repository.ports, name, newName),
      },
    }));
  }
  editCodeowners(texts, name, newName);
  return {
    directories: [],
    moves: [{ from: serviceDir(name), to: serviceDir(newName) }],
    // Images are named after the service: CI builds and sets images.<new name>.
    files: [...repo.format(texts.files()), ...removeStackEntries(files, name)],
    removals,
  };
}

/**
 * Never asked: a flag given after reading the refusal, which says what it costs
 * (`-- --replace-data`). A boolean `when`, as plop takes a flag only for one.
 */
const replaceDataQuestion = {
  type: 'confirm',
  name: replaceDataFlag,
  message: 'Rename although its database and cache are replaced by empty ones?',
  default: false,
  when: false,
} as const;

/**
 * The `rename-service` generator: `npm run gen -- rename-service <old> <new> [-- --replace-data]`.
 * @example await runGenerator(renameServiceGenerator, { name: 'orders', newName: 'purchases' }, root);
 */
export const renameServiceGenerator: Generator<RenameAnswers> = {
  name: 'rename-service',
  description: 'rename a service: its folder, package, manifest, callers, CODEOWNERS, stacks',
  questions: (catalog) => [
    {
      type: 'input',
      name: 'name',
      message: 'Service to rename:',
      validate: (value: unknown) => unknownServiceProblem(String(value).trim(), catalog) ?? true,
    },
    {
      type: 'input',
      name: 'newName',
      message: 'Its new name:',
      validate: (value: unknown) => nameProblem(String(value).trim(), catalog) ?? true,
    },
    replaceDataQuestion,
  ],
  check: checkRenameAnswers,
  plan: planRenameService,
  nextSteps: ({ name, newName }) => [
    `npm test: the typecheck shows anything that still uses the old name`,
    `git grep -nw '${name}': what still names it (docs, words of its domain); rename what you mean`,
    `commit with package-lock.json; the next deploy creates ${newName} and deletes ${name} (its local data in ${serviceDir(newName)}/.data moved with it)`,
  ],
};
