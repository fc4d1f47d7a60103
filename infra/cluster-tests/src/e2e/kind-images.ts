import { execFileSync } from 'node:child_process';
import { kindE2e, kindImage } from './kind-e2e-settings.js';

function run(command: string, args: readonly string[], cwd: string): void {
  execFileSync(command, [...args], { cwd, stdio: 'inherit' });
}

/**
 * Builds each service's image with the repository's Dockerfile (docker/Dockerfile, `SERVICE`
 * the service's folder) and loads it into the kind cluster's nodes: nothing is pushed, and the
 * pods find it with `imagePullPolicy: IfNotPresent`.
 * @example const images = buildAndLoadImages(repoRoot, ['gateway', 'orders'], 'e2e-1');
 */
export function buildAndLoadImages(
  repoRoot: string,
  services: readonly string[],
  tag: string,
): Record<string, string> {
  const images: Record<string, string> = {};
  for (const service of services) {
    const image = kindImage(service, tag);
    run(
      'docker',
      ['build', '-f', 'docker/Dockerfile', '--build-arg', `SERVICE=${service}`, '-t', image, '.'],
      repoRoot,
    );
    run('kind', ['load', 'docker-image', image, '--name', kindE2e.cluster], repoRoot);
    images[service] = image;
  }
  return images;
}

/**
 * The same images under a new tag, loaded again: a new pod template for every Deployment, so
 * the next `pulumi up` rolls every service, with nothing rebuilt.
 * @example retagImages(repoRoot, ['gateway', 'orders'], 'e2e-1', 'e2e-2');
 */
export function retagImages(
  repoRoot: string,
  services: readonly string[],
  from: string,
  to: string,
): Record<string, string> {
  const images: Record<string, string> = {};
  for (const service of services) {
    const image = kindImage(service, to);
    run('docker', ['tag', kindImage(service, from), image], repoRoot);
    run('kind', ['load', 'docker-image', image, '--name', kindE2e.cluster], repoRoot);
    images[service] = image;
  }
  return images;
}
