import * as k8s from '@pulumi/kubernetes';
import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import {
  isSecretMarker,
  kubernetesObjects,
  maskedSecret,
  promiseOf,
  type RenderedObject,
} from '@slipway/infra-testing';
import { renderServices, serviceYaml } from '../src/render/render-services.ts';
import { ServicesStackConfigError } from '../src/stack-config-error.ts';
import {
  configFor,
  exampleManifests,
  manifest,
  platformFor,
  record,
  sentinel,
  unusedServiceName,
} from './fixtures.ts';

// Every service under apps/ plus a public one with two secrets, on a name and port none uses.
const services = exampleManifests();
const storefront = unusedServiceName(services, 'storefront');
const manifests = [
  ...services,
  manifest(storefront, {
    port: Math.max(...services.map((m) => m.port)) + 1,
    public: true,
    secrets: ['API_TOKEN', 'SIGNING_KEY'],
  }),
];
const config = configFor(manifests);

describe('secrets', () => {
  it('appear in no non-Secret resource, not even in the engine inputs', async () => {
    const { resources } = await record(manifests, config);
    const others = resources.filter((r) => r.type !== 'kubernetes:core/v1:Secret');
    expect(others.length).toBeGreaterThan(20);
    for (const resource of others) {
      expect(JSON.stringify(resource.inputs), `${resource.type} ${resource.name}`).not.toContain(
        sentinel,
      );
    }
  });

  it('reach the Secret objects only wrapped as Pulumi secrets, so state and diffs keep them encrypted', async () => {
    const { resources } = await record(manifests, config);
    const secrets = resources.filter((r) => r.type === 'kubernetes:core/v1:Secret');
    const names = secrets.map((s) => s.name).sort();
    expect(names).toEqual(expect.arrayContaining(['orders-secrets', `${storefront}-secrets`]));
    expect(names).toEqual(
      manifests
        .filter((m) => (m.secrets ?? []).length > 0 || m.postgres || m.cache)
        .map((m) => `${m.name}-secrets`)
        .sort(),
    );
    for (const secret of secrets) {
      expect(isSecretMarker(secret.inputs.stringData), secret.name).toBe(true);
      const { stringData, ...rest } = secret.inputs;
      expect(JSON.stringify(rest)).not.toContain(sentinel);
    }
  });

  it('are secret outputs of the Secret resources', async () => {
    const { deployed } = await record(manifests, config);
    const secret = deployed.services.orders?.resources.find(
      (r) => r instanceof k8s.core.v1.Secret,
    ) as k8s.core.v1.Secret;
    expect(await pulumi.isSecret(secret.stringData)).toBe(true);
  });

  it('appear in no output of the components', async () => {
    const { deployed } = await record(manifests, config);
    for (const service of Object.values(deployed.services)) {
      const outputs = [await promiseOf(service.url), await promiseOf(service.publicUrl)];
      expect(JSON.stringify(outputs)).not.toContain(sentinel);
    }
  });

  it('appear in the render only as masks, with their names kept', async () => {
    const services = await renderServices(manifests, config, platformFor(config));
    const yaml = services.map((s) => serviceYaml(s, 'dev')).join('\n');
    expect(yaml).not.toContain(sentinel);
    expect(yaml).toContain(`DATABASE_URL: "${maskedSecret}"`);
    expect(yaml).toContain(`API_TOKEN: "${maskedSecret}"`);
  });

  it('are masked in the render by the one masking the tests read objects with', async () => {
    const rendered = (await renderServices(manifests, config, platformFor(config))).flatMap(
      (service) => service.objects,
    );
    const { resources } = await record(manifests, config);
    const secret = (objects: readonly RenderedObject[]) =>
      objects.find(
        (o) => o.kind === 'Secret' && o.metadata.labels?.['app.kubernetes.io/name'] === storefront,
      );
    expect(secret(rendered)).toMatchObject({
      stringData: { API_TOKEN: maskedSecret, SIGNING_KEY: maskedSecret },
    });
    expect(secret(rendered)).toEqual(secret(kubernetesObjects(resources)));
  });

  it('appear in no error message about the stack config', async () => {
    const bad = configFor(manifests, {
      secrets: { orders: { DATABASE_URL: sentinel, DATABSE_URL: sentinel } },
    });
    const error = await record(manifests, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServicesStackConfigError);
    expect((error as Error).message).toContain(
      "service 'orders', field 'secrets.orders.DATABSE_URL'",
    );
    expect((error as Error).message).not.toContain(sentinel);
  });
});
