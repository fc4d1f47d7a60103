import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listWorkflowFiles } from '../src/commands/check-workflows.ts';

/** The repository root and its workflow files, as the workflow tests read them. */
export const root = join(import.meta.dirname, '../..');
export const files = listWorkflowFiles(join(root, '.github/workflows'));

/** Builds `${{ inner }}` without writing a template placeholder inside a plain string. */
export const expr = (inner: string) => `\${{ ${inner} }}`;

/** The text of one workflow file, e.g. `read('ci.yml')`. */
export const read = (name: string) => readFileSync(join(root, '.github/workflows', name), 'utf8');

/** A workflow job as parsed from YAML. */
export type Job = Record<string, unknown> & { steps?: Record<string, unknown>[] };

/** The jobs of one workflow file, by id. */
export const jobsOf = (name: string) => (parse(read(name)) as { jobs: Record<string, Job> }).jobs;
