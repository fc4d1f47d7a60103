import { beforeAll, describe, expect, it } from 'vitest';
import { chartPodsOutsideTheRender, type RenderedPlatform } from '@slipway/infra-platform/render';
import { checkObjectSet, formatViolations, validateKubernetesObject } from '@slipway/infra-policy';
import type { RenderedObject } from '@slipway/infra-testing/render';
import type { ServiceManifest } from '@slipway/service-manifest';
import { renderPlatformStack } from '../src/cli/platform-stack-file.ts';
import { loadStack } from '../src/cli/stack-file.ts';
import { renderEnvironment } from '../src/render/render-services.ts';
import type { StackConfig } from '../src/stack-config.ts';

// Rendering runs both programs under mocks: seconds on a busy machine.
const renderTimeoutMs = 120_000;

/**
 * What each committed environment must show, written out here rather than read from
 * `environmentProfiles`, so a change to a profile is a change to this table too.
 */
const expected = {
  dev: {
    zoneSpread: { whenUnsatisfiable: 'ScheduleAnyway' },
    maxReplicasCap: 3,
    proxies: { minReplicas: 2, maxReplicas: 3 },
    backups: { schedule: '0 3 * * *', ttl: '168h0m0s' },
  },
  staging: {
    zoneSpread: { whenUnsatisfiable: 'ScheduleAnyway' },
    maxReplicasCap: undefined,
    proxies: { minReplicas: 2, maxReplicas: 6 },
    backups: { schedule: '0 * * * *', ttl: '720h0m0s' },
  },
  prod: {
    zoneSpread: { whenUnsatisfiable: 'DoNotSchedule', minDomains: 3 },
    maxReplicasCap: undefined,
    proxies: { minReplicas: 2, maxReplicas: 6 },
    backups: { schedule: '0 * * * *', ttl: '720h0m0s' },
  },
} as const;

type Spread = { topologyKey: string; whenUnsatisfiable: string; [field: string]: unknown };
type PodSpec = {
  topologySpreadConstraints: Spread[];
  volumes: { name: string; emptyDir?: { sizeLimit?: string } }[];
  containers: { resources: { limits: Record<string, string> } }[];
};
type Rendered = {
  platform: RenderedPlatform;
  manifests: readonly ServiceManifest[];
  config: StackConfig;
  services: RenderedObject[];
};

const ofKind = (objects: readonly RenderedObject[], kind: string) =>
  objects.filter((o) => o.kind === kind);
const podSpecOf = (deployment: RenderedObject) =>
  (deployment.spec as { template: { spec: PodSpec } }).template.spec;
const mebibytes = (quantity: string) => {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) throw new Error(`expected a Mi or Gi quantity, got ${quantity}`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
};

describe.each(['dev', 'staging', 'prod'] as const)(
  'the committed %s environment, rendered',
  (stack) => {
    let rendered: Rendered;
    const want = expected[stack];

    beforeAll(async () => {
      const platform = await renderPlatformStack(stack);
      const { manifests, config, dataNetwork } = loadStack(stack, { strict: false });
      const { services, shared } = await renderEnvironment(
        manifests,
        config,
        platform.outputs,
        dataNetwork ? { dataNetwork } : {},
      );
      rendered = {
        platform,
        manifests,
        config,
        services: [...services.flatMap((s) => s.objects), ...shared],
      };
    }, renderTimeoutMs);

    it('has a Gateway and valid HTTPRoutes under its domain, no Ingress and no ingress-nginx', () => {
      const { platform, config, services } = rendered;
      const objects = [...platform.objects, ...services];
      expect(objects.filter((o) => o.kind === 'Ingress')).toEqual([]);
      expect(JSON.stringify([objects, platform.releases])).not.toContain('ingress-nginx');
      const gateway = platform.outputs.gateways?.[config.namespace];
      expect(gateway, `the ${stack} platform has a gateway for ${config.namespace}`).toBeDefined();
      const routes = objects.filter((o) => o.kind === 'HTTPRoute');
      expect(routes.length).toBeGreaterThan(1); // the redirect and at least one public service
      for (const route of ofKind(services, 'HTTPRoute'))
        expect((route.spec as { hostnames: string[] }).hostnames[0]).toMatch(
          new RegExp(`\\.${gateway?.domain.replaceAll('.', '\\.')}$`),
        );
      for (const object of objects.filter((o) => /^(Gateway|HTTPRoute)$/.test(o.kind)))
        expect(validateKubernetesObject(object), `${object.kind} ${object.metadata.name}`).toEqual(
          [],
        );
    });

    it('has, with the monitoring the platform stack turns on, alert rules and a dashboard for every service and the certificate alerts', () => {
      const { platform, manifests, config, services } = rendered;
      expect(platform.outputs.monitoring, `the ${stack} platform has monitoring on`).toBeDefined();
      const named = (kind: string, name: string) =>
        services.find((o) => o.kind === kind && o.metadata.name === name);
      for (const { name } of manifests) {
        expect(named('PrometheusRule', `${name}-alerts`), name).toBeDefined();
        expect(named('ConfigMap', `${name}-dashboard`), name).toBeDefined();
      }
      const rules = ofKind(services, 'PrometheusRule');
      expect(rules).toHaveLength(manifests.length + 1);
      expect(named('PrometheusRule', 'certificate-alerts')?.metadata.namespace).toBe(
        config.namespace,
      );
      for (const rule of rules)
        expect(validateKubernetesObject(rule), rule.metadata.name).toEqual([]);
    });

    it("passes every policy check, the platform's objects and the services' together", () => {
      const violations = checkObjectSet([...rendered.platform.objects, ...rendered.services], {
        podsOutsideTheSet: chartPodsOutsideTheRender,
      });
      expect(formatViolations(violations)).toBe('');
    });

    it(`spreads every service over zones as ${stack} should, honouring node taints and affinity`, () => {
      const deployments = ofKind(rendered.services, 'Deployment');
      expect(deployments.length).toBeGreaterThan(0);
      for (const deployment of deployments) {
        const [zone, host] = podSpecOf(deployment).topologySpreadConstraints;
        expect(zone).toMatchObject({
          topologyKey: 'topology.kubernetes.io/zone',
          ...want.zoneSpread,
        });
        if (want.zoneSpread.whenUnsatisfiable === 'ScheduleAnyway')
          expect(zone).not.toHaveProperty('minDomains');
        expect(host).toMatchObject({
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'ScheduleAnyway',
        });
        for (const constraint of [zone, host])
          expect(constraint).toMatchObject({
            nodeTaintsPolicy: 'Honor',
            nodeAffinityPolicy: 'Honor',
          });
      }
    });

    it("spreads the Envoy proxies over zones honouring node taints, and scales them as the environment's profile says", () => {
      const [proxy] = ofKind(rendered.platform.objects, 'EnvoyProxy');
      if (!proxy) throw new Error(`the ${stack} platform renders no EnvoyProxy`);
      const kubernetes = (
        proxy.spec as {
          provider: {
            kubernetes: {
              envoyDeployment: { pod: { topologySpreadConstraints: Spread[] } };
              envoyHpa: { minReplicas: number; maxReplicas: number };
            };
          };
        }
      ).provider.kubernetes;
      expect(kubernetes.envoyHpa).toMatchObject(want.proxies);
      for (const constraint of kubernetes.envoyDeployment.pod.topologySpreadConstraints)
        expect(constraint).toMatchObject({ nodeTaintsPolicy: 'Honor' });
    });

    it(`backs up on ${want.backups.schedule}, keeping each backup ${want.backups.ttl}`, () => {
      const [schedule] = ofKind(rendered.platform.objects, 'Schedule');
      expect(schedule?.spec).toMatchObject({
        schedule: want.backups.schedule,
        template: { ttl: want.backups.ttl },
      });
    });

    it(`scales each service up to ${want.maxReplicasCap ? `at most ${want.maxReplicasCap}` : 'its manifest maximum'}, from its manifest minimum`, () => {
      for (const manifest of rendered.manifests) {
        const hpa = ofKind(rendered.services, 'HorizontalPodAutoscaler').find(
          (o) => o.metadata.name === manifest.name,
        );
        const { min, max } = manifest.replicas;
        const cap = want.maxReplicasCap;
        expect(hpa?.spec, manifest.name).toMatchObject({
          minReplicas: min,
          maxReplicas: cap === undefined ? max : Math.max(min + 1, Math.min(max, cap)),
        });
      }
    });

    it("keeps every service's /tmp emptyDir below its ephemeral-storage limit", () => {
      for (const deployment of ofKind(rendered.services, 'Deployment')) {
        const spec = podSpecOf(deployment);
        const limit = spec.containers[0]?.resources.limits['ephemeral-storage'] ?? '0Mi';
        const tmp = spec.volumes.find((v) => v.name === 'tmp');
        expect(mebibytes(tmp?.emptyDir?.sizeLimit ?? limit)).toBeLessThan(mebibytes(limit));
      }
    });
  },
);
