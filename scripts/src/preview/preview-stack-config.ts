import type { ConfigMap } from '@pulumi/pulumi/automation/index.js';
import type { PreviewSelection } from './preview-selection.ts';

/** The stack a preview's config comes from unless `--from` names another. */
export const defaultSourceStack = 'staging';

/** The stack of pull request n's preview. */
export function previewStackName(pr: number): string {
  return `pr-${pr}`;
}

/**
 * A stack's own name: the last path segment, since a backend may list it qualified (`acme/pr-12`,
 * `acme/services/pr-12`).
 * @example stackBaseName('acme/pr-12') // 'pr-12'
 */
export function stackBaseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * True when a listed stack is a preview's (`pr-<n>`, qualified or not): the one test `down` and
 * `gc` apply before destroying anything, so staging and prod are never theirs to touch.
 * @example isPreviewStack('acme/pr-12') // true; isPreviewStack('pr-1-old') // false
 */
export function isPreviewStack(name: string): boolean {
  return /^pr-\d+$/.test(stackBaseName(name));
}

/** Inputs of {@link previewStackConfig}. */
export interface PreviewStackConfigInput {
  /** The services program's Pulumi project: config keys are `<project>:<key>`. */
  readonly project: string;
  /** The stack the preview copies (staging) and its config, secrets decrypted. */
  readonly source: { readonly stack: string; readonly config: ConfigMap };
  readonly pr: number;
  readonly expiresAt: string;
  readonly selection: PreviewSelection;
  /** Pinned references the pull request's build produced (`<registry>/<service>:<sha>@sha256:…`). */
  readonly built: readonly string[];
  /** A changed service nobody built runs the source stack's image (its manifest changes only); default: an error. */
  readonly mainImages?: boolean;
}

/** A preview's config and where each of its services' images came from. */
export interface PreviewStackConfig {
  readonly config: ConfigMap;
  /** Per deployed service: its image and `pull request` or the source stack's name. */
  readonly images: Readonly<Record<string, { readonly image: string; readonly from: string }>>;
}

/** The service a pinned reference is the image of: its repository's last path segment. */
function serviceOfImage(image: string): string {
  return (
    (image.split('@')[0] ?? '')
      .replace(/:[^/:]*$/, '')
      .split('/')
      .pop() ?? ''
  );
}

function parseImages(value: string | undefined, stack: string): Record<string, string> {
  if (value === undefined) return {};
  const parsed: unknown = JSON.parse(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`images of stack ${stack} is not a map of service to image`);
  return Object.fromEntries(
    Object.entries(parsed).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * The config of a pull request's preview stack: the source stack's (staging's: its secrets, its
 * platform and cluster stacks, the images main built for it) with the changed services' images
 * from the pull request's build, the environment pinned to the source's and `preview` set. Never
 * production's: a source stack of the `prod` environment is refused.
 * @throws Error naming the service or setting at fault.
 * @example previewStackConfig({ project, source: { stack: 'staging', config }, pr: 12, expiresAt, selection, built })
 */
export function previewStackConfig(input: PreviewStackConfigInput): PreviewStackConfig {
  const { project, source, pr, expiresAt, selection, built, mainImages = false } = input;
  const key = (name: string) => `${project}:${name}`;
  const environment = source.config[key('environment')]?.value ?? source.stack;
  if (environment === 'prod' || source.stack === 'prod')
    throw new Error(
      `--from ${source.stack}: a preview takes staging's config and secrets, never production's`,
    );
  const images = parseImages(source.config[key('images')]?.value, source.stack);
  const fromBuild = new Map(built.map((image) => [serviceOfImage(image), image]));
  const chosen: Record<string, { image: string; from: string }> = {};
  const problems: string[] = [];
  for (const service of selection.services) {
    const changed = selection.changed.includes(service);
    const pulled = changed ? fromBuild.get(service) : undefined;
    const image = pulled ?? (changed && !mainImages ? undefined : images[service]);
    if (image) chosen[service] = { image, from: pulled ? 'pull request' : source.stack };
    else if (changed && !mainImages)
      problems.push(
        `${service} changed but no image of it was built: pass --built with its pinned reference (<registry>/${service}:<sha>@sha256:<digest>), or --main-images to run ${source.stack}'s`,
      );
    else
      problems.push(
        `${service} has no image in stack ${source.stack}: deploy main to ${source.stack} first (set-stack-images)`,
      );
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const allImages = {
    ...images,
    ...Object.fromEntries(Object.entries(chosen).map(([name, { image }]) => [name, image])),
  };
  return {
    config: {
      ...source.config,
      [key('environment')]: { value: environment },
      [key('images')]: { value: JSON.stringify(allImages) },
      [key('preview')]: { value: JSON.stringify({ pr, expiresAt, services: selection.services }) },
    },
    images: chosen,
  };
}
