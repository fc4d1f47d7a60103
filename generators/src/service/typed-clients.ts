import { serviceDir } from '@slipway/platform-contract';
import type { PlannedFile } from '../shared/change-plan.ts';
import { GeneratorError } from '../shared/generator-error.ts';
import { renderTemplateFolder } from '../shared/render-templates.ts';
import type { RepoFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { addCalleeToConfig } from './caller-config.ts';
import type { ServiceAnswers } from './service-answers.ts';

/** Where a service keeps the typed clients of the services it calls. */
export const clientsFolder = 'src/clients';

/** The files of `caller`'s typed client of `callee`, relative to `apps/<caller>`. */
export function clientFiles(
  templates: RepoFiles,
  { scope, caller, callee }: { scope: string; caller: string; callee: string },
): PlannedFile[] {
  return renderTemplateFolder(templates, 'client', { scope, caller, callee }).map((file) => ({
    ...file,
    path: `${clientsFolder}/${file.path}`,
  }));
}

type Manifest = { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };

const sorted = (entries: Record<string, string>) =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/**
 * A caller's package.json text with what a typed client of `callee` needs: the service-client
 * package, and the callee itself as a dev dependency (its API type only; nothing is bundled).
 */
function withClientDependencies(text: string, scope: string, callee: string): string {
  const manifest = JSON.parse(text) as Manifest;
  manifest.dependencies = sorted({ ...manifest.dependencies, [`${scope}/service-client`]: '*' });
  manifest.devDependencies = sorted({ ...manifest.devDependencies, [callee]: '*' });
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/**
 * What a new service's callers change so they can call it: the URL and call policy in their
 * `config.ts`, a typed client with its test, and the dependencies that client needs. All
 * planned before anything is written; a caller whose files are not in the expected shape
 * refuses the whole run, saying what to add by hand.
 * @throws GeneratorError naming each caller that cannot be wired, and why.
 * @example wireCallers(answers, repo) // apps/gateway/src/config.ts, ... audit-trail-client.ts
 */
export function wireCallers(
  answers: Pick<ServiceAnswers, 'name' | 'port' | 'calledBy'>,
  { catalog: { platform }, files, templates }: RepoView,
): PlannedFile[] {
  const problems: string[] = [];
  const planned = answers.calledBy.flatMap((caller) => {
    const dir = serviceDir(caller);
    const configPath = `${dir}/src/config.ts`;
    const text = files.read(configPath);
    const config =
      text === undefined
        ? undefined
        : addCalleeToConfig(text, answers.name, `http://127.0.0.1:${answers.port}`, platform.scope);
    if (config === undefined) {
      problems.push(
        `${configPath} has no \`defineConfigSchema({ ... }, { ... })\` call whose variables could take ${answers.name}'s URL: declare ${caller}'s config that way (as the service template does), or create ${answers.name} without --called-by ${caller} and wire the call by hand (docs/calling-a-service.md).`,
      );
      return [];
    }
    const clients = clientFiles(templates, {
      scope: platform.scope,
      caller,
      callee: answers.name,
    }).map((file) => ({ ...file, path: `${dir}/${file.path}` }));
    const taken = clients.find((file) => files.exists(file.path));
    if (taken) {
      problems.push(
        `${taken.path} already exists: ${caller} has a client of that name. Move it aside, or create ${answers.name} without --called-by ${caller}.`,
      );
      return [];
    }
    const packageJson = files.read(`${dir}/package.json`) ?? '{}';
    return [
      { path: configPath, content: config },
      {
        path: `${dir}/package.json`,
        content: withClientDependencies(packageJson, platform.scope, answers.name),
      },
      ...clients,
    ];
  });
  if (problems.length > 0) throw new GeneratorError(`create service '${answers.name}'`, problems);
  return planned;
}
