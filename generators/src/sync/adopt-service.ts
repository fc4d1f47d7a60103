import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ServiceAnswers } from '../service/service-answers.ts';
import { renderServiceFiles, type ServiceFacts, serviceFacts } from '../service/service-files.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import { formatFiles } from '../shared/format-files.ts';
import type { RepoCatalog } from '../shared/repo-catalog.ts';
import { readTemplateRecord, recordPathOf, templateRecordFile } from './template-record.ts';

/**
 * The template files a service does not have, each folder it lacks whole as one `dir/` entry:
 * what an adopted service never took from the template, and sync leaves alone.
 */
function missingTemplateFiles(
  root: string,
  templatesDir: string,
  answers: ServiceAnswers,
  facts: ServiceFacts,
): string[] {
  const dir = join(root, 'apps', answers.name);
  const missing = renderServiceFiles(templatesDir, answers, facts)
    .map((file) => file.path)
    .filter((path) => !existsSync(join(dir, path)))
    .map((path) => {
      let entry = path;
      for (let parent = dirname(path); parent !== '.'; parent = dirname(parent)) {
        if (!existsSync(join(dir, parent))) entry = `${parent}/`;
      }
      return entry;
    });
  return [...new Set(missing)].sort();
}

/**
 * The template record that puts a service made without one (by hand, or before records
 * existed) under sync at the current template version: its answers are read from its
 * manifest (`postgres` when it declares the `DATABASE_URL` secret), and the template files it
 * does not have are excluded. From then on sync brings it each later change of the templates;
 * what it already differs in stays its own.
 * @throws Error when the service does not exist or already has a record.
 * @example adoptService(catalog, 'gateway', currentVersion) // { path: 'apps/gateway/.slipway/template.json', ... }
 */
export function adoptService(
  catalog: RepoCatalog,
  name: string,
  current: { readonly templatesDir: string; readonly version: string },
): PlannedFile {
  const manifest = catalog.services.find((s) => s.name === name);
  if (!manifest) {
    const names = catalog.services.map((s) => s.name).join(', ') || 'none';
    throw new Error(`There is no service '${name}' to adopt (services: ${names}).`);
  }
  if (readTemplateRecord(catalog.root, name)) {
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
    database: manifest.secrets.includes('DATABASE_URL') ? 'postgres' : 'none',
  };
  const repository = serviceFacts(answers, catalog);
  const record = templateRecordFile({
    template: 'service',
    version: current.version,
    answers,
    repository,
    excluded: missingTemplateFiles(catalog.root, current.templatesDir, answers, repository),
  });
  const [formatted] = formatFiles(catalog.root, [{ ...record, path: recordPathOf(name) }]);
  if (!formatted) throw new Error('formatting dropped the template record');
  return formatted;
}
