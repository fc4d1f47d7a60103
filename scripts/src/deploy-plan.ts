import type { CommitSha } from './commit-sha.ts';
import { type ImagePlanEntry, planImages } from './image-plan.ts';
import { serviceRevisions } from './service-revision.ts';
import { listServices } from './services.ts';
import { readWorkspaces } from './workspaces.ts';

/** Inputs of {@link planDeployImages}. */
export interface PlanDeployImagesInput {
  readonly root: string;
  readonly registry: string;
  /** The commit being deployed (or, for a preview, the base whose images it shows). */
  readonly sha: CommitSha;
  /** Tag for a service `sha` does not have yet (previews only); otherwise that is an error. */
  readonly fallback?: CommitSha;
}

/**
 * The image plan of a repository at a commit: every service under apps/ with a service.yaml,
 * tagged with the commit that last changed it. plan-images (what to build) and set-stack-images
 * (what to deploy) both call it, so the image built is the image deployed.
 * @example planDeployImages({ root, registry: 'ghcr.io/acme', sha })
 */
export function planDeployImages({
  root,
  registry,
  sha,
  fallback,
}: PlanDeployImagesInput): ImagePlanEntry[] {
  const workspaces = readWorkspaces(root);
  const services = listServices(root, workspaces);
  return planImages({
    registry,
    services,
    revisions: serviceRevisions({ root, workspaces, services, sha, fallback }),
  });
}
