import { z } from 'zod';
import { repositoryFiles, serviceDir } from '@slipway/platform-contract';
import { type ServiceAnswers, serviceDatabases } from '../service/service-answers.ts';
import type { ServiceFacts } from '../service/service-files.ts';
import type { PlannedFile } from '../shared/change-plan.ts';
import type { RepoFiles } from '../shared/repo-files.ts';

/** Where a service records the template it follows, relative to its folder. */
export const templateRecordPath = repositoryFiles.templateRecord;

const recordSchema = z.strictObject({
  template: z.literal('service'),
  version: z.string().regex(/^[0-9a-f]{40}([0-9a-f]{24})?$/, 'must be a git object id'),
  answers: z.strictObject({
    name: z.string(),
    description: z.string(),
    port: z.number().int(),
    public: z.boolean(),
    calls: z.array(z.string()),
    calledBy: z.array(z.string()),
    owner: z.string(),
    database: z.enum(serviceDatabases),
    // Records written before the cache option existed hold none.
    cache: z.boolean().default(false),
  }),
  repository: z.strictObject({
    scope: z.string(),
    nodeEngine: z.string().optional(),
    versions: z.record(z.string(), z.string()),
    ports: z.record(z.string(), z.number().int()),
  }),
  excluded: z.array(z.string().min(1)).optional(),
});

/**
 * What a service was made from: the template, its version (the git tree id of
 * `generators/templates`), the answers, and what the templates took from the repository.
 * Rendering the templates of `version` with the rest gives the service as it was made.
 */
export interface TemplateRecord {
  readonly template: 'service';
  readonly version: string;
  readonly answers: ServiceAnswers;
  readonly repository: ServiceFacts;
  /**
   * Paths of the service (a folder ends in `/`) that it does not take from the template: sync
   * leaves them alone. An adopted service lists the template files it never had.
   */
  readonly excluded?: readonly string[];
}

/**
 * True when sync leaves `path` (relative to the service folder) alone.
 * @example isExcluded('src/routes/hello/hello.test.ts', ['src/routes/hello/']) // true
 */
export function isExcluded(path: string, excluded: readonly string[] = []): boolean {
  return excluded.some((entry) => (entry.endsWith('/') ? path.startsWith(entry) : path === entry));
}

/** A record that cannot be read, named with its file. */
class TemplateRecordError extends Error {
  override readonly name = 'TemplateRecordError';
}

/** The record's path relative to the repository root. */
export const recordPathOf = (service: string) => `${serviceDir(service)}/${templateRecordPath}`;

/**
 * The template record of a service, or undefined when it has none (made by hand, or before
 * records existed).
 * @throws TemplateRecordError naming the file and each invalid field.
 * @example readTemplateRecord(diskFiles(root), 'orders')?.version
 */
export function readTemplateRecord(
  files: Pick<RepoFiles, 'read'>,
  service: string,
): TemplateRecord | undefined {
  const text = files.read(recordPathOf(service));
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateRecordError(
      `${recordPathOf(service)} is not valid JSON (${(error as Error).message}): fix it, or restore it from git.`,
    );
  }
  const result = recordSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (i) => `${i.path.join('.') || 'top level'}: ${i.message}`,
    );
    throw new TemplateRecordError(
      `${recordPathOf(service)} is invalid: ${problems.join('; ')}. Fix it, or restore it from git.`,
    );
  }
  return result.data;
}

/**
 * A record as a file of the service (format it with the repository's Biome before writing).
 * @example templateRecordFile({ template: 'service', version, answers, repository })
 */
export function templateRecordFile(record: TemplateRecord): PlannedFile {
  const { answers, repository } = record;
  // Keys in a fixed order, so a record only changes where its values do.
  const ordered = {
    template: record.template,
    version: record.version,
    answers: {
      name: answers.name,
      description: answers.description,
      port: answers.port,
      public: answers.public,
      calls: answers.calls,
      calledBy: answers.calledBy,
      owner: answers.owner,
      database: answers.database,
      cache: answers.cache,
    },
    repository: {
      scope: repository.scope,
      ...(repository.nodeEngine === undefined ? {} : { nodeEngine: repository.nodeEngine }),
      versions: repository.versions,
      ports: repository.ports,
    },
    ...(record.excluded && record.excluded.length > 0 ? { excluded: record.excluded } : {}),
  };
  return { path: templateRecordPath, content: `${JSON.stringify(ordered, null, 2)}\n` };
}
