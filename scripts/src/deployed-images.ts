import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readStackImages } from './stack-config.ts';

/** Inputs of {@link readDeployedImages}. */
export interface ReadDeployedImagesInput {
  /** The stack's config file, `<program>/Pulumi.<stack>.yaml`. */
  readonly file: string;
  readonly stack: string;
  readonly project: string;
  readonly key: string;
  /** The pulumi binary (a stand-in in tests). */
  readonly pulumi: string;
}

/** The images of a stack's last deployment, or why there are none. */
export interface DeployedImages {
  readonly images: Record<string, string>;
  /** Set when the last deployment's config could not be read. */
  readonly missing?: string;
}

/**
 * The images the stack's last deployment recorded: `pulumi config refresh` writes the config of
 * the most recent update into the stack file, which is read and then put back as committed. Only
 * deploys from main update a stack, so these values are digests main built. No deployment yet,
 * or no access to the backend, answers no images: the deploy then needs this run's builds.
 * @example readDeployedImages({ file, stack: 'staging', project, key: 'images', pulumi: 'pulumi' })
 */
export function readDeployedImages({
  file,
  stack,
  project,
  key,
  pulumi,
}: ReadDeployedImagesInput): DeployedImages {
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  try {
    execFileSync(pulumi, ['config', 'refresh', '--force', '--stack', stack], {
      cwd: dirname(file),
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    return { images: readStackImages(readFileSync(file, 'utf8'), project, key) };
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '');
    const line = stderr.split('\n').find((l) => l.trim() !== '') ?? String(error);
    return { images: {}, missing: line.trim().slice(0, 200) };
  } finally {
    if (committed === undefined) rmSync(file, { force: true });
    else writeFileSync(file, committed);
  }
}
