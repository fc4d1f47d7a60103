import { kindE2e, kindImage } from './kind-e2e-settings.ts';
import { runCommand } from './run-command.ts';

// Asynchronous: `kind load` during the rolling update must not freeze the load generator.
async function run(command: string, args: readonly string[], cwd: string): Promise<void> {
  await runCommand(command, args, { cwd });
}

/**
 * Builds each service's image with the repository's Dockerfile (docker/Dockerfile, `SERVICE`
 * the service's folder) and loads it into the kind cluster's nodes: nothing is pushed, and the
 * pods find it with `imagePullPolicy: IfNotPresent`.
 * @example const images = await buildAndLoadImages(repoRoot, ['gateway', 'orders'], 'e2e-1');
 */
export async function buildAndLoadImages(
  repoRoot: string,
  services: readonly string[],
  tag: string,
): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  for (const service of services) {
    const image = kindImage(service, tag);
    await run(
      'docker',
      ['build', '-f', 'docker/Dockerfile', '--build-arg', `SERVICE=${service}`, '-t', image, '.'],
      repoRoot,
    );
    await run('kind', ['load', 'docker-image', image, '--name', kindE2e.cluster], repoRoot);
    images[service] = image;
  }
  return images;
}

/**
 * The same images under a new tag, loaded again: a new pod template for every Deployment, so
 * the next `pulumi up` rolls every service, with nothing rebuilt.
 * @example await retagImages(repoRoot, ['gateway', 'orders'], 'e2e-1', 'e2e-2');
 */
export async function retagImages(
  repoRoot: string,
  services: readonly string[],
  from: string,
  to: string,
): Promise<Record<string, string>> {
  const images: Record<string, string> = {};
  for (const service of services) {
    const image = kindImage(service, to);
    await run('docker', ['tag', kindImage(service, from), image], repoRoot);
    await run('kind', ['load', 'docker-image', image, '--name', kindE2e.cluster], repoRoot);
    images[service] = image;
  }
  return images;
}
