import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import type { DataServicesArgs, provisionDataServices } from '@slipway/infra-data-services';
import { installMocks, maskedSecret, settle } from '@slipway/infra-testing';
import { dataNetworks } from '@slipway/infra-workload-identity/testing';
import type { ServiceManifestInput } from '@slipway/service-manifest';
import { deployServices } from '../src/deploy-services.ts';
import { dataServicesAnnotation } from '../src/network-policy-specs.ts';
import { recordDeployment } from '../src/render/record-deployment.ts';
import { projectName, type StackConfigInput } from '../src/stack-config.ts';
import {
  catalogConfig,
  configFor,
  find,
  manifest,
  platformFor,
  renderObjects,
  sentinel,
} from './fixtures.ts';

const ledger = manifest('ledger', { postgres: {}, cache: { size: 'large' } });
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

/** A provisioner that creates nothing: endpoints on the data network's ranges, calls recorded. */
function fakeProvision(calls: DataServicesArgs[]): typeof provisionDataServices {
  return (args) => {
    calls.push(args);
    return Object.fromEntries(
      args.services.map(({ name, dataServices }) => [
        name,
        Object.fromEntries(
          Object.values(dataServices).map((settings) => [
            settings.kind,
            {
              kind: settings.kind,
              url: pulumi.secret(`${settings.kind}://${sentinel}@${name}.internal`),
              caCertificate: pulumi.output(pem),
              egress: {
                cidrs: ['10.0.200.0/24', '10.0.201.0/24'],
                port: settings.kind === 'postgres' ? 5432 : 6379,
              },
              offering: `fake ${settings.kind} (${settings.size})`,
            },
          ]),
        ),
      ]),
    );
  };
}

async function provisioned(manifests: ServiceManifestInput[], overrides: StackConfigInput = {}) {
  const calls: DataServicesArgs[] = [];
  const config = configFor(manifests, { dataServices: {}, ...overrides }, 'prod');
  const resources = await installMocks({ project: projectName, stack: 'prod' });
  const deployed = deployServices(manifests, config, platformFor(config), {
    dataNetwork: dataNetworks.aws,
    provision: fakeProvision(calls),
  });
  await settle();
  return { calls, deployed, resources };
}

describe('a declared database on an existing server (dataServices in stack config)', () => {
  const withCa = {
    dataServices: {
      ledger: {
        ...catalogConfig([ledger]).dataServices.ledger,
        postgres: { url: `postgres://${sentinel}@db`, cidr: '10.9.0.5/32', caCertificate: pem },
      },
    },
  };

  it('mounts its URL and CA from the Secret, masked, and never puts them in the ConfigMap', async () => {
    const objects = await renderObjects([ledger], configFor([ledger], withCa));
    expect(find(objects, 'Secret', 'ledger').stringData).toEqual({
      DATABASE_URL: maskedSecret,
      DATABASE_CA_CERT: maskedSecret,
      CACHE_URL: maskedSecret,
    });
    const data = find(objects, 'ConfigMap', 'ledger').data;
    expect(data).toMatchObject({
      DATABASE_URL_FILE: '/var/run/secrets/slipway/DATABASE_URL',
      DATABASE_CA_CERT_FILE: '/var/run/secrets/slipway/DATABASE_CA_CERT',
      CACHE_URL_FILE: '/var/run/secrets/slipway/CACHE_URL',
    });
    expect(data).not.toHaveProperty('CACHE_CA_CERT_FILE');
    expect(JSON.stringify(data)).not.toContain(sentinel);
    const volumes = find(objects, 'Deployment', 'ledger').spec.template.spec.volumes;
    expect(volumes).toContainEqual(expect.objectContaining({ secret: expect.anything() }));
  });

  it('allows egress to the configured CIDR on the default port of each kind, one rule each, named in an annotation', async () => {
    const objects = await renderObjects([ledger], configFor([ledger], withCa));
    const egress = find(objects, 'NetworkPolicy', 'ledger-egress');
    expect(egress.spec.egress).toEqual(
      expect.arrayContaining([
        { to: [{ ipBlock: { cidr: '10.9.0.5/32' } }], ports: [{ port: 5432, protocol: 'TCP' }] },
        { to: [{ ipBlock: { cidr: '10.0.21.0/24' } }], ports: [{ port: 6379, protocol: 'TCP' }] },
      ]),
    );
    expect(JSON.parse(egress.metadata.annotations[dataServicesAnnotation])).toEqual([
      { kind: 'postgres', offering: 'existing server', cidrs: ['10.9.0.5/32'], port: 5432 },
      { kind: 'cache', offering: 'existing server', cidrs: ['10.0.21.0/24'], port: 6379 },
    ]);
  });

  it('creates no cloud or random resource: only Kubernetes objects', async () => {
    const { resources } = await recordDeployment(
      [ledger],
      configFor([ledger]),
      platformFor(configFor([ledger])),
    );
    expect(
      resources.filter((r) => !/^(kubernetes:|pulumi:|slipway:services:)/.test(r.type)),
    ).toEqual([]);
  });

  it('leaves a service without data services as it was: no Secret, no annotation', async () => {
    const objects = await renderObjects([manifest('loner')]);
    expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    expect(find(objects, 'NetworkPolicy', 'loner-egress').metadata).not.toHaveProperty(
      'annotations',
    );
  });
});

describe('declared data services provisioned on the data network', () => {
  it('provisions every declared kind without an existing server, resolved for the environment, under <product>-<environment>', async () => {
    const { calls } = await provisioned([ledger, manifest('loner')]);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call).toMatchObject({
      network: dataNetworks.aws,
      environment: 'prod',
      resourcePrefix: 'slipway-prod',
    });
    expect(call?.services).toEqual([
      {
        name: 'ledger',
        dataServices: {
          postgres: expect.objectContaining({ highAvailability: true, deletionProtection: true }),
          cache: expect.objectContaining({ size: 'large', highAvailability: true }),
        },
      },
    ]);
  });

  it('provisions only what the stack config does not name as an existing server', async () => {
    const { calls, deployed } = await provisioned([ledger], {
      dataServices: { ledger: { cache: { url: 'rediss://cache', cidr: '10.9.1.0/24' } } },
    });
    expect(Object.keys(calls[0]?.services[0]?.dataServices ?? {})).toEqual(['postgres']);
    expect(deployed.dataServices.ledger?.postgres?.offering).toBe('fake postgres (medium)');
    expect(deployed.dataServices.ledger?.cache?.offering).toBe('existing server');
  });

  it("derives the egress rule from the endpoint's ranges and port, never from the manifest", async () => {
    const { resources } = await provisioned([ledger]);
    const egress = resources.find((r) => r.name === 'ledger-egress-policy')?.inputs as {
      spec: { egress: unknown[] };
    };
    expect(egress.spec.egress).toContainEqual({
      to: [{ ipBlock: { cidr: '10.0.200.0/24' } }, { ipBlock: { cidr: '10.0.201.0/24' } }],
      ports: [{ port: 5432, protocol: 'TCP' }],
    });
  });
});

describe('data services the stack cannot deploy fail before any resource, naming service, field and fix', () => {
  async function attempt(manifests: ServiceManifestInput[], dataServices: unknown) {
    const resources = await installMocks({ project: projectName });
    try {
      const config = configFor(manifests, { dataServices });
      deployServices(manifests, config, platformFor(config));
      await settle();
    } catch (error) {
      return { message: (error as Error).message, registered: resources.length };
    }
    throw new Error('expected the deployment to fail');
  }

  it('names clusterStack and the existing-server commands when a declared kind has nowhere to go', async () => {
    const { message, registered } = await attempt([ledger], {});
    expect(message).toContain(
      "service 'ledger', field 'dataServices.ledger.postgres': ledger declares postgres but there is nowhere to provision it: set clusterStack to a cluster stack that exports dataNetwork, or name an existing server: pulumi config set --secret --path dataServices.ledger.postgres.url <url>",
    );
    expect(message).toContain("field 'dataServices.ledger.cache'");
    expect(registered).toBe(0);
  });

  it.each([
    [
      'a kind the manifest does not declare',
      { loner: { postgres: { url: 'u', cidr: '10.0.0.0/24' } } },
      "field 'dataServices.loner.postgres': is configured but apps/loner/service.yaml declares no postgres",
    ],
    [
      'a service that does not exist',
      { billing: { postgres: { url: 'u', cidr: '10.0.0.0/24' } } },
      "field 'dataServices.billing.postgres': names no service",
    ],
    [
      'a kind that does not exist',
      { loner: { mysql: { url: 'u', cidr: '10.0.0.0/24' } } },
      "field 'dataServices.loner.mysql': 'mysql' is not a data service kind: postgres, cache",
    ],
    [
      'a CIDR with host bits',
      { loner: { cache: { url: 'u', cidr: '10.0.20.7/24' } } },
      "field 'dataServices.loner.cache.cidr': '10.0.20.7/24' has host bits set: use 10.0.20.0/24",
    ],
    [
      'every address',
      { loner: { cache: { url: 'u', cidr: '0.0.0.0/0' } } },
      "'0.0.0.0/0' is every address",
    ],
    [
      'no CIDR at all',
      { loner: { cache: { url: 'u', cidr: 'db.internal' } } },
      "'db.internal' is not a CIDR",
    ],
    [
      'a missing URL',
      { loner: { cache: { cidr: '10.0.0.0/24' } } },
      "field 'dataServices.loner.cache.url': is not set: pulumi config set --secret --path dataServices.loner.cache.url <url>",
    ],
    [
      'a port out of range',
      { loner: { cache: { url: 'u', cidr: '10.0.0.0/24', port: 70000 } } },
      "field 'dataServices.loner.cache.port': must be a port number from 1 to 65535 (default 6379)",
    ],
    [
      'an unknown setting',
      { loner: { cache: { url: 'u', cidr: '10.0.0.0/24', host: 'x' } } },
      "field 'dataServices.loner.cache.host': is not a setting",
    ],
  ])('%s', async (_, dataServices, expected) => {
    const loner = manifest('loner', { cache: {} });
    const { message, registered } = await attempt([loner], dataServices);
    expect(message).toContain(expected);
    expect(message).not.toContain(sentinel);
    expect(registered).toBe(0);
  });
});
