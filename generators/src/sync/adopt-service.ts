import { dirname } from 'node:path';
import { serviceDir } from '@slipway/platform-contract';
import type { ServiceAnswers } from '../service/service-answers.ts';
import { renderServiceFiles, type ServiceFacts, serviceFacts } from '../service/service-files.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';
import type { RepoView } from '../shared/repo-view.ts';
import { readTemplateRecord, recordPathOf, templateRecordFile } from './template-record.ts';

/**
 * The template files a service does not have, each folder it lacks whole as one `dir/` entry:
 * what an adopted service never took from the template, and sync leaves alone.
 */
function missingTemplateFiles(
  files: RepoFiles,
  templates: RepoFiles,
  answers: ServiceAnswers,
  facts: ServiceFacts,
): string[] {
  const dir = serviceDir(answers.name);
  const missing = renderServiceFiles(templates, answers, facts)
    .map((file) => file.path)
    .filter((path) => !files.exists(`${dir}/${path}`))
    .map((path) => {
      let entry = path;
      for (let parent = dirname(path); parent !== '.'; parent = dirname(parent)) {
        if (!files.exists(`${dir}/${parent}`)) entry = `${parent}/`;
      }
      return entry;
    });
  return [...new Set(missing)].sort();
}

/**
 * The template record that puts a service made without one (by hand, or before records
 * existed) under sync at the current template version: its answers are read from its
 * manifest (`postgres` when it declares `postgres:` or the `DATABASE_URL` secret, the cache
 * when it declares `cache:`), and the template files it
 * does not have are excluded. From then on sync brings it each later change of the templates;
 * what it already differs in stays its own.
 * @throws Error when the service does not exist or already has a record.
 * @example adoptService(repo, 'gateway') // { path: 'apps/gateway/.slipway/template.json', ... }
 */
export function adoptService(repo: RepoView, name: string): PlannedFile {
  const { catalog, files } = repo;
  const manifest = catalog.services.find((s) => s.name === name);
  if (!manifest) {
    const names = catalog.services.map((s) => s.name).join(', ') || 'none';
    throw new Error(`There is no service '${name}' to adopt (services: ${names}).`);
  }
  if (readTemplateRecord(files, name)) {
    throw new Error(
      `${recordPathOf(name)} exists already: ${name} follows the template; npm run sync -- --service ${name} brings it up to date.`,
    );
  }
  const answers: ServiceAnswers = {
    name,
    description: manifest.description,
    port: manifest.port,
    public: manifest.public,
    calls: [...manifest.calls],
    calledBy: [...manifest.calledBy],
    owner: manifest.owner ?? '',
    database:
      manifest.postgres !== undefined || manifest.secrets.includes('DATABASE_URL')
        ? 'postgres'
        : 'none',
    cache: manifest.cache !== undefined,
  };
  const repository = serviceFacts(answers, catalog, files);
  const record = templateRecordFile({
    template: 'service',
    version: repo.templateVersion(),
    answers,
    repository,
    excluded: missingTemplateFiles(files, repo.templates, answers, repository),
  });
  const [formatted] = repo.format([{ ...record, path: recordPathOf(name) }]);
  if (!formatted) throw new Error('formatting dropped the template record');
  return formatted;
}
