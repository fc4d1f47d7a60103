import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, parse, parseDocument } from 'yaml';

/** The Pulumi program that deploys the services (stacks dev, staging, prod). */
export const servicesProgramDir = 'infra/services';

/** The stack config key (under the project's namespace) that maps service → image. */
export const imagesConfigKey = 'images';

/** Thrown for a stack name, image or config file the scripts refuse to write. */
export class StackFileError extends Error {
  override readonly name = 'StackFileError';
}

const stackNamePattern = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const immutableImagePattern = /^[^\s:@]+(?::\d+)?\/[^\s@]+(?::[0-9a-f]{40}|@sha256:[0-9a-f]{64})$/;

/**
 * The path of a stack's config file, `<program>/Pulumi.<stack>.yaml`.
 * @throws StackFileError when the stack name could escape the folder or is not Pulumi's form.
 * @example stackConfigPath(root, 'staging') // '<root>/infra/services/Pulumi.staging.yaml'
 */
export function stackConfigPath(
  root: string,
  stack: string,
  programDir = servicesProgramDir,
): string {
  if (!stackNamePattern.test(stack)) {
    throw new StackFileError(
      `stack name ${JSON.stringify(stack)} is not a valid Pulumi stack name`,
    );
  }
  return join(root, programDir, `Pulumi.${stack}.yaml`);
}

/**
 * The Pulumi project name from `<program>/Pulumi.yaml`: config keys are namespaced by it.
 * @throws StackFileError when Pulumi.yaml is missing or has no name.
 * @example readPulumiProjectName(root) // 'slipway-services'
 */
export function readPulumiProjectName(root: string, programDir = servicesProgramDir): string {
  const file = join(root, programDir, 'Pulumi.yaml');
  if (!existsSync(file)) throw new StackFileError(`${programDir}/Pulumi.yaml not found`);
  const project = parse(readFileSync(file, 'utf8')) as { name?: unknown } | null;
  if (typeof project?.name !== 'string' || project.name === '') {
    throw new StackFileError(`${programDir}/Pulumi.yaml has no project name`);
  }
  return project.name;
}

/**
 * Whether an image reference is immutable the way deployments need: tagged with a full commit
 * SHA or pinned by digest (never `latest`, never a moving tag).
 * @example isImmutableImage('ghcr.io/acme/orders:latest') // false
 */
export function isImmutableImage(image: string): boolean {
  return immutableImagePattern.test(image);
}

/** Inputs of {@link setStackImages}. */
export interface SetStackImagesInput {
  /** The Pulumi project name (the config namespace). */
  readonly project: string;
  /** service name → image reference; replaces the whole map, so removed services drop out. */
  readonly images: Readonly<Record<string, string>>;
  /** The key under the project namespace. Default: {@link imagesConfigKey}. */
  readonly key?: string;
}

/**
 * Returns a stack config file's text with `<project>:images` set to the given map, keeping
 * every other key, secure value and comment as it was. An empty text starts a new file.
 * @throws StackFileError when an image is mutable or the file's `config` is not a map.
 * @example writeFileSync(file, setStackImages(readFileSync(file, 'utf8'), { project, images }));
 */
export function setStackImages(
  text: string,
  { project, images, key = imagesConfigKey }: SetStackImagesInput,
): string {
  for (const [service, image] of Object.entries(images)) {
    if (!isImmutableImage(image)) {
      throw new StackFileError(
        `image of ${service} must be tagged with a full commit SHA or pinned by digest, got ${image}`,
      );
    }
  }
  let doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new StackFileError(`stack config is not valid YAML: ${doc.errors[0]?.message}`);
  }
  // An empty (or comment-only) file gets a config map, its comments kept above it.
  if (doc.contents === null) doc = parseDocument(`${text.trimEnd()}\nconfig: {}\n`.trimStart());
  if (!isMap(doc.contents)) throw new StackFileError('the stack config file is not a YAML map');
  const config = doc.get('config');
  if (config === undefined || config === null) {
    doc.set('config', doc.createNode({}));
  } else if (!isMap(config)) {
    throw new StackFileError('the stack config file has a `config` that is not a map');
  }
  const sorted = Object.fromEntries(Object.entries(images).sort(([a], [b]) => a.localeCompare(b)));
  doc.setIn(['config', `${project}:${key}`], doc.createNode(sorted));
  return doc.toString({ lineWidth: 0 });
}

/**
 * Reads `<project>:images` from a stack config file's text ({} when unset).
 * @example readStackImages(text, 'slipway-services').orders // 'ghcr.io/acme/orders:<sha>'
 */
export function readStackImages(
  text: string,
  project: string,
  key = imagesConfigKey,
): Record<string, string> {
  const parsed = parse(text) as { config?: Record<string, unknown> } | null;
  const value = parsed?.config?.[`${project}:${key}`];
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}
