import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { planService } from '../../src/service/service-generator.ts';
import { checkServiceAnswers } from '../../src/service/service-rules.ts';
import { applyPlan, normalizePlan } from '../../src/shared/change-plan.ts';
import { readRepoView } from '../../src/shared/repo-view.ts';
import { syncCli } from '../../src/sync/sync-cli.ts';
import { templatesFolder } from '../../src/sync/template-tree.ts';
import { createFixtureRepo, linkBiome } from './fixture-repo.ts';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs git in `root` with a fixed identity; returns its output. */
export function git(root: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
}

/**
 * The fixture repository as a git repository with this repository's templates and Biome
 * settings (Biome itself linked from here), committed: what `npm run sync` needs.
 */
export function createSyncRepo(): string {
  const root = createFixtureRepo();
  cpSync(join(repoRoot, templatesFolder), join(root, templatesFolder), { recursive: true });
  linkBiome(root);
  writeFileSync(join(root, '.gitignore'), 'node_modules/\n');
  git(root, 'init', '-q');
  commitAll(root, 'the template');
  return root;
}

/** Commits every change of the work tree. */
export function commitAll(root: string, message: string): void {
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', message);
}

/** Runs the service generator in `root` with the templates of `root` (edited by the test). */
export function generateService(root: string, answers: Record<string, unknown>): void {
  const repo = readRepoView(root, join(root, templatesFolder));
  applyPlan(root, normalizePlan(planService(checkServiceAnswers(answers, repo.catalog), repo)));
}

/** Edits a template file of `root`: `edit` gets its text and returns the new one. */
export function editTemplate(root: string, path: string, edit: (text: string) => string): void {
  const file = join(root, templatesFolder, path);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

/** Adds a template file to `root`. */
export function addTemplate(root: string, path: string, content: string): void {
  const file = join(root, templatesFolder, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Edits a file of the repository as a team would. */
export function editFile(root: string, path: string, edit: (text: string) => string): void {
  writeFileSync(join(root, path), edit(readFileSync(join(root, path), 'utf8')));
}

/** `npm run sync` in `root`: its exit code and what it printed. */
export async function runSync(root: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await syncCli(args, {
    root,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}
