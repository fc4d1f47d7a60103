import { describe, expect, it } from 'vitest';
import { validateKubernetesObject } from '@slipway/infra-policy';
import { renderPlatformStack } from '../src/cli/platform-stack-file.ts';
import { loadStack } from '../src/cli/stack-file.ts';
import { renderServices } from '../src/render/render-services.ts';

// Rendering runs both programs under mocks: seconds on a busy machine.
const renderTimeoutMs = 120_000;

describe.each(['dev', 'staging', 'prod'])('the committed %s environment, rendered', (stack) => {
  it('has a Gateway and valid HTTPRoutes under its domain, no Ingress and no ingress-nginx', {
    timeout: renderTimeoutMs,
  }, async () => {
    const platform = await renderPlatformStack(stack);
    const { manifests, config } = loadStack(stack, { strict: false });
    const services = await renderServices(manifests, config, platform.outputs);
    const objects = [...platform.objects, ...services.flatMap((s) => s.objects)];

    expect(objects.filter((o) => o.kind === 'Ingress')).toEqual([]);
    expect(JSON.stringify([objects, platform.releases])).not.toContain('ingress-nginx');
    const gateway = platform.outputs.gateways?.[config.namespace];
    expect(gateway, `the ${stack} platform has a gateway for ${config.namespace}`).toBeDefined();
    const routes = objects.filter((o) => o.kind === 'HTTPRoute');
    expect(routes.length).toBeGreaterThan(1); // the redirect and at least one public service
    for (const route of services.flatMap((s) => s.objects).filter((o) => o.kind === 'HTTPRoute'))
      expect((route.spec as { hostnames: string[] }).hostnames[0]).toMatch(
        new RegExp(`\\.${gateway?.domain.replaceAll('.', '\\.')}$`),
      );
    for (const object of objects.filter((o) => /^(Gateway|HTTPRoute)$/.test(o.kind)))
      expect(validateKubernetesObject(object), `${object.kind} ${object.metadata.name}`).toEqual(
        [],
      );
  });
});
