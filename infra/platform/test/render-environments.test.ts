import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkObjectSet, formatViolations } from '@slipway/infra-policy';
import { chartPodsOutsideTheRender } from '../src/render/chart-pods.ts';
import { type RenderedPlatform, renderPlatform } from '../src/render/index.ts';

// Each committed stack (Pulumi.<stack>.yaml), rendered: what differs per environment shows, and
// everything passes the policy checks.
const stackConfig = (stack: string) =>
  (
    parse(readFileSync(new URL(`../Pulumi.${stack}.yaml`, import.meta.url), 'utf8')) as {
      config: Record<string, unknown>;
    }
  ).config;

const ofKind = (rendered: RenderedPlatform, kind: string) =>
  rendered.objects.filter((object) => object.kind === kind);

describe.each([
  ['dev', { schedule: '0 3 * * *', ttl: '168h0m0s' }, { minReplicas: 2, maxReplicas: 3 }],
  ['staging', { schedule: '0 * * * *', ttl: '720h0m0s' }, { minReplicas: 2, maxReplicas: 6 }],
  ['prod', { schedule: '0 * * * *', ttl: '720h0m0s' }, { minReplicas: 2, maxReplicas: 6 }],
])('renderPlatform for the committed %s stack', (stack, backups, proxies) => {
  let rendered: RenderedPlatform;

  beforeAll(async () => {
    rendered = await renderPlatform(stack, stackConfig(stack));
  });

  it('renders objects that pass every policy check', () => {
    expect(
      formatViolations(
        checkObjectSet(rendered.objects, { podsOutsideTheSet: chartPodsOutsideTheRender }),
      ),
    ).toBe('');
  });

  it(`backs up on '${backups.schedule}' for ${backups.ttl}, its environment's profile`, () => {
    expect(ofKind(rendered, 'Schedule')).toEqual([
      expect.objectContaining({
        spec: expect.objectContaining({
          schedule: backups.schedule,
          template: expect.objectContaining({ ttl: backups.ttl }),
        }),
      }),
    ]);
  });

  it(`runs ${proxies.minReplicas} to ${proxies.maxReplicas} Envoy proxies, spread over zones honouring node taints`, () => {
    const [proxy] = ofKind(rendered, 'EnvoyProxy');
    expect(proxy?.spec).toMatchObject({
      provider: {
        kubernetes: {
          envoyHpa: proxies,
          envoyDeployment: { pod: { topologySpreadConstraints: [{ nodeTaintsPolicy: 'Honor' }] } },
        },
      },
    });
  });
});
