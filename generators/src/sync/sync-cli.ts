import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { repositoryFiles, serviceDir } from '@slipway/platform-contract';
import { applyPlan } from '../shared/change-plan.ts';
import { withBase } from '../shared/plan-base.ts';
import { diskFiles } from '../shared/repo-files.ts';
import { type RepoView, readRepoView } from '../shared/repo-view.ts';
import { adoptService } from './adopt-service.ts';
import {
  planServiceSync,
  type ServiceSync,
  syncChangePlan,
  unresolvedConflicts,
} from './plan-sync.ts';
import { syncDiff } from './sync-diff.ts';
import { readTemplateRecord, recordPathOf, templateRecordPath } from './template-record.ts';
import { templatesFolder } from './template-tree.ts';

/** Where {@link syncCli} works and writes its answers. */
export interface SyncCliOptions {
  /** The repository root. */
  readonly root: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** `npm run sync -- --help`. */
const syncHelp = `Usage: npm run sync -- [--service <name>] [--dry-run | --check] | --adopt <name>

Brings every service made from the service template up to the current templates: for each
file, a three-way merge of the template as the service was made from it (the version in
apps/<name>/${templateRecordPath}, rendered with the answers recorded there), the service's
file now, and the current template rendered with the same answers. Changes the team never
made arrive as they are, changes on both sides merge, a file the template adds appears;
a file you deleted stays deleted unless the template changed it; paths listed under
"excluded" in the record are left alone. Conflicts are left in the
files between <<<<<<< and >>>>>>> markers and listed; the recorded version moves forward.

Options:
  --service <name>  only this service
  --dry-run         print the diff sync would apply; write nothing
  --check           exit 1 when a service lags the templates or holds conflict markers (CI)
  --adopt <name>    record a service made without a record at the current template version:
                    answers from its manifest, the template files it lacks excluded
  -h, --help        show this help

Exit code 0 when every service is up to date, 1 on a conflict, a lagging service (--check)
or any error. See docs/keeping-services-current.md.
`;

const help = '(see npm run sync -- --help)';

interface SyncArgs {
  readonly service?: string;
  readonly dryRun: boolean;
  readonly check: boolean;
  readonly adopt?: string;
  readonly help: boolean;
}

function readArgs(args: readonly string[]): SyncArgs | string {
  try {
    const { values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        service: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        adopt: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values['dry-run'] && values.check)
      return `--dry-run and --check do not go together ${help}.`;
    if (values.adopt !== undefined && (values.check || values['dry-run'] || values.service)) {
      return `--adopt takes no other option ${help}.`;
    }
    return {
      ...(values.service === undefined ? {} : { service: values.service }),
      ...(values.adopt === undefined ? {} : { adopt: values.adopt }),
      dryRun: values['dry-run'],
      check: values.check,
      help: values.help,
    };
  } catch (error) {
    return `${error instanceof Error ? error.message : String(error)} ${help}`;
  }
}

/** The services with a template record, by folder name. */
function recordedServices(root: string): string[] {
  const files = diskFiles(root);
  return files
    .list(repositoryFiles.servicesDir)
    .filter((entry) => entry.endsWith('/'))
    .map((entry) => entry.slice(0, -1))
    .filter((name) => files.exists(recordPathOf(name)))
    .sort();
}

const conflictsProblem = (name: string, files: readonly string[]) =>
  `${serviceDir(name)} still holds conflict markers in ${files.join(', ')}: keep the lines you want and delete the markers (a file that is one whole conflict: keep it or delete it), then run sync again.`;

const short = (version: string) => version.slice(0, 12);
const list = (paths: readonly string[]) => paths.map((p) => `  ${p}\n`).join('');

const outcomes = {
  update: 'merged',
  create: 'created',
  remove: 'removed',
  conflict: 'in conflict',
};

function summary(plan: ServiceSync): string {
  const counts = Object.entries(outcomes)
    .map(([kind, word]) => [word, plan.changes.filter((c) => c.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([word, n]) => `${n} ${word}`);
  return `${serviceDir(plan.service)}: template ${short(plan.from)} → ${short(plan.to)}${counts.length > 0 ? ` (${counts.join(', ')})` : ', no file changes'}\n`;
}

/**
 * `npm run sync`: brings the services made from the service template up to the current
 * templates by a three-way merge per file (see {@link syncHelp}). Returns the exit code.
 * @example process.exitCode = await syncCli(['--check'], { root, stdout, stderr });
 */
export async function syncCli(
  args: readonly string[],
  { root, stdout, stderr }: SyncCliOptions,
): Promise<number> {
  const parsed = readArgs(args);
  const fail = (message: string) => {
    stderr(`✖ ${message}\n`);
    return 1;
  };
  if (typeof parsed === 'string') return fail(parsed);
  if (parsed.help) {
    stdout(syncHelp);
    return 0;
  }
  // Conflict markers first: a package.json holding them would stop the repository from reading.
  const unresolved = recordedServices(root).flatMap((name) => {
    const files = unresolvedConflicts(diskFiles(root), name);
    return files.length > 0 ? [conflictsProblem(name, files)] : [];
  });
  if (unresolved.length > 0) {
    for (const problem of unresolved) stderr(`✖ ${problem}\n`);
    return 1;
  }
  let repo: RepoView;
  try {
    repo = readRepoView(root, join(root, templatesFolder));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
  const { catalog } = repo;
  if (catalog.manifestProblem !== undefined) {
    return fail(`The service manifests are invalid, fix them first:\n${catalog.manifestProblem}`);
  }
  const version = repo.templateVersion();
  if (parsed.adopt !== undefined) {
    try {
      const record = adoptService(repo, parsed.adopt);
      applyPlan(root, withBase({ directories: [], files: [record], removals: [] }, repo.files));
      stdout(`${record.path}: ${parsed.adopt} follows the template from ${short(version)} on.\n`);
      return 0;
    } catch (error) {
      return fail(`${error instanceof Error ? error.message : String(error)} Nothing was written.`);
    }
  }
  const names = catalog.services.map((s) => s.name);
  if (parsed.service !== undefined && !names.includes(parsed.service)) {
    return fail(
      `There is no service '${parsed.service}' (services: ${names.join(', ') || 'none'}) ${help}.`,
    );
  }
  const problems: string[] = [];
  const plans: ServiceSync[] = [];
  for (const name of parsed.service === undefined ? names : [parsed.service]) {
    try {
      const record = readTemplateRecord(repo.files, name);
      if (!record) {
        if (parsed.service !== undefined)
          problems.push(
            `${serviceDir(name)} has no ${templateRecordPath}: it does not follow the template. Record it with npm run sync -- --adopt ${name}.`,
          );
        continue;
      }
      if (record.version !== version) plans.push(planServiceSync(repo, record));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  for (const problem of problems) stderr(`✖ ${problem}\n`);
  if (parsed.check) {
    for (const plan of plans) {
      const paths = plan.changes.map((c) => c.path);
      stderr(
        `✖ ${serviceDir(plan.service)} lags the templates (recorded ${short(plan.from)}, current ${short(plan.to)}): run npm run sync${paths.length > 0 ? `; it would change:\n${list(paths)}` : ' to record the current version.\n'}`,
      );
    }
    return problems.length > 0 || plans.length > 0 ? 1 : 0;
  }
  const conflicts = plans.flatMap((p) => p.changes.filter((c) => c.kind === 'conflict'));
  if (parsed.dryRun) {
    stdout(syncDiff(root, plans));
    for (const plan of plans) stdout(summary(plan));
    if (plans.length > 0) stdout('Dry run: nothing was written.\n');
    if (conflicts.length > 0)
      stderr(`✖ Sync would leave conflicts in:\n${list(conflicts.map((c) => c.path))}`);
    return problems.length > 0 || conflicts.length > 0 ? 1 : 0;
  }
  try {
    applyPlan(root, withBase(syncChangePlan(plans), repo.files));
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\nNothing was written.`);
  }
  for (const plan of plans) stdout(summary(plan));
  if (conflicts.length > 0) {
    stderr(
      `✖ Conflicts left between <<<<<<< and >>>>>>> markers (your side first, the template's second) in:\n${list(conflicts.map((c) => c.path))}Resolve them, then commit with ${plans.map((p) => recordPathOf(p.service)).join(', ')}. A file you do not want from the template: delete it and add its path to "excluded" in the record.\n`,
    );
  }
  return problems.length > 0 || conflicts.length > 0 ? 1 : 0;
}
