import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { type DataServiceKind, dataServiceKinds } from '@slipway/platform-contract';
import { loadServiceManifests } from '@slipway/service-manifest';
import { readPulumiProject } from '../../src/pulumi/program-entry.ts';
import type { StackConfigValue } from '../../src/pulumi/stack-request.ts';
import type { ClusterSuite } from './cluster-suite.ts';

/** The two programs of a repository, as Pulumi projects. */
export function projectsOf(root: string) {
  const platformDir = join(root, 'infra/platform');
  const servicesDir = join(root, 'infra/services');
  return {
    platform: { dir: platformDir, name: readPulumiProject(platformDir).name },
    services: { dir: servicesDir, name: readPulumiProject(servicesDir).name },
  };
}

/** An image reference CI would write: tag and digest; kwok never pulls it. */
export function imageFor(service: string, tag: string): string {
  const digest = createHash('sha256').update(`${service}:${tag}`).digest('hex');
  return `registry.slipway.test/${service}:${tag}@sha256:${digest}`;
}

/** Where the gateway's proxies would run: no controller here, only the Gateway objects. */
const testGatewayClass = 'slipway-cluster-test';

/**
 * A platform stack's config for the cluster suite: one environment namespace with its Gateway on
 * a class no controller serves, and the add-ons installed from Helm charts off, since the charts
 * cannot be fetched offline.
 */
export function platformConfig(
  project: string,
  namespace: string,
): Record<string, StackConfigValue> {
  const json = (value: unknown) => ({ value: JSON.stringify(value) });
  return {
    // The stack is not named after an environment: dev's profile, as the services stack's.
    [`${project}:environment`]: { value: 'dev' },
    [`${project}:namespaces`]: json([namespace]),
    [`${project}:gateway`]: json({
      domains: { [namespace]: `${namespace}.slipway.test` },
      envoyGateway: { enabled: false },
      className: testGatewayClass,
      dataPlane: {
        namespace: 'slipway-edge',
        podLabels: { 'app.kubernetes.io/name': 'edge-proxy' },
      },
    }),
    [`${project}:certManager`]: json({ enabled: false }),
    [`${project}:backups`]: json({ enabled: false }),
    [`${project}:monitoring`]: json({ enabled: false }),
    // The negative controls' pods carry tags; admission.test.ts applies the rendered policy itself.
    [`${project}:admission`]: json({ enabled: false }),
  };
}

/**
 * The existing server the suite names for a service's declared data service: there is no cloud
 * to provision one on, and nothing listens there (no pod connects before it is checked).
 * TEST-NET-2, one range per kind, on each protocol's port.
 */
export function existingServerFor(service: string, kind: DataServiceKind) {
  const server = {
    postgres: { cidr: '198.51.100.0/28', port: 5432 },
    cache: { cidr: '198.51.100.16/28', port: 6379 },
  }[kind];
  return { url: `${kind}://cluster-test-${service}@server.invalid:${server.port}`, ...server };
}

/**
 * A services stack's config: every service of the repository's catalog gets an image (`tag`,
 * or a per-service override), a value for each secret it declares and an existing server
 * ({@link existingServerFor}) for each data service it declares.
 */
export function servicesConfig(
  root: string,
  project: string,
  {
    namespace,
    platformStack,
    tag,
    images = {},
  }: {
    namespace: string;
    platformStack: string;
    tag: string;
    images?: Readonly<Record<string, string>>;
  },
): Record<string, StackConfigValue> {
  const manifests = loadServiceManifests(root);
  const allImages = Object.fromEntries(
    manifests.map((m) => [m.name, images[m.name] ?? imageFor(m.name, tag)]),
  );
  const secrets = Object.fromEntries(
    manifests
      .filter((m) => m.secrets.length > 0)
      .map((m) => [
        m.name,
        Object.fromEntries(m.secrets.map((s) => [s, `cluster-test-${m.name}-${s}`])),
      ]),
  );
  const dataServices = Object.fromEntries(
    manifests
      .filter((m) => dataServiceKinds.some((kind) => m[kind]))
      .map((m) => [
        m.name,
        Object.fromEntries(
          dataServiceKinds
            .filter((kind) => m[kind])
            .map((kind) => [kind, existingServerFor(m.name, kind)]),
        ),
      ]),
  );
  return {
    [`${project}:namespace`]: { value: namespace },
    [`${project}:environment`]: { value: 'dev' },
    [`${project}:platformStack`]: { value: platformStack },
    [`${project}:images`]: { value: JSON.stringify(allImages) },
    [`${project}:secrets`]: { value: JSON.stringify(secrets), secret: true },
    [`${project}:dataServices`]: { value: JSON.stringify(dataServices), secret: true },
  };
}

/** What a test asks of a stack: `refreshed preview` reads the live objects first and fails on any change. */
export type Operation = 'up' | 'destroy' | 'refreshed preview';
const operationOf = (operation: Operation) =>
  operation === 'refreshed preview'
    ? ({ operation: 'preview', refresh: true, expectNoChanges: true } as const)
    : { operation };

/**
 * The platform and services stacks of one environment of the repository, as `pulumi` operations
 * through the suite's runner: the platform with its config, the services with theirs pointing at
 * that platform stack (images default to the suite's tag).
 * @example const { deployPlatform, deployServices } = environmentStacks(stack, repoRoot, 'slipway-dev', 'dev');
 */
export function environmentStacks(
  stack: ClusterSuite['stack'],
  root: string,
  namespace: string,
  stackName: string,
) {
  const projects = projectsOf(root);
  const platformStack = `organization/${projects.platform.name}/${stackName}`;
  return {
    platformStack,
    deployPlatform: (operation: Operation) =>
      stack({
        projectDir: projects.platform.dir,
        stack: stackName,
        ...operationOf(operation),
        config: platformConfig(projects.platform.name, namespace),
      }),
    deployServices: (operation: Operation, images: Record<string, string> = {}) =>
      stack({
        projectDir: projects.services.dir,
        stack: stackName,
        ...operationOf(operation),
        config: servicesConfig(root, projects.services.name, {
          namespace,
          platformStack,
          tag: 'v1',
          images,
        }),
      }),
  };
}
