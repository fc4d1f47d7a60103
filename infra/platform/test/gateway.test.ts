import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkRestrictedPodSecurity,
  formatViolations,
  validateKubernetesObject,
} from '@slipway/infra-policy';
import { ofType, type RecordedResource } from '@slipway/infra-testing';
import { envoyGatewayValues, envoyProxySpec } from '../src/envoy-gateway-specs.ts';
import {
  clientTrafficPolicyType,
  deployPlatform,
  deployPlatformWithOptions,
  envoyProxyType,
  everythingOn,
  gatewayClassType,
  gatewayType,
  httpRouteType,
  metadataOf,
  namespaceType,
  priorityClassType,
  releaseType,
} from './deploy-platform.ts';

const inNamespace = (resources: RecordedResource[], type: string, namespace: string) =>
  ofType(resources, type).filter((r) => metadataOf(r).namespace === namespace);
const releaseNamed = (resources: RecordedResource[], name: string) =>
  ofType(resources, releaseType).find((release) => release.inputs.name === name);

describe('the edge with Envoy Gateway', () => {
  let resources: RecordedResource[];

  beforeAll(async () => {
    resources = await deployPlatform(everythingOn);
  });

  it('installs the Gateway API CRDs of the standard channel, and Envoy Gateway without its own copy', () => {
    expect(releaseNamed(resources, 'envoy-gateway-crds')?.inputs).toMatchObject({
      chart: 'oci://docker.io/envoyproxy/gateway-crds-helm',
      values: { crds: { gatewayAPI: { enabled: true, channel: 'standard' } } },
    });
    expect(releaseNamed(resources, 'envoy-gateway')?.inputs).toMatchObject({
      chart: 'oci://docker.io/envoyproxy/gateway-helm',
      namespace: 'envoy-gateway-system',
      values: { crds: { enabled: false } },
    });
  });

  it('runs Envoy Gateway in a namespace that enforces restricted Pod Security', () => {
    const namespace = ofType(resources, namespaceType).find(
      (ns) => metadataOf(ns).name === 'envoy-gateway-system',
    );
    expect(metadataOf(namespace).labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it("creates a GatewayClass for Envoy Gateway's controller, parameterised by the EnvoyProxy", () => {
    const [gatewayClass] = ofType(resources, gatewayClassType);
    const [proxy] = ofType(resources, envoyProxyType);
    expect(gatewayClass?.inputs.spec).toEqual({
      controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
      parametersRef: {
        group: 'gateway.envoyproxy.io',
        kind: 'EnvoyProxy',
        name: metadataOf(proxy).name,
        namespace: 'envoy-gateway-system',
      },
    });
  });

  it("asks for the cluster's load balancer class on the proxies' Service, the stack's annotations winning per key", () => {
    const [proxy] = ofType(resources, envoyProxyType);
    expect(proxy?.inputs.spec).toMatchObject({
      provider: {
        kubernetes: {
          envoyService: {
            type: 'LoadBalancer',
            loadBalancerClass: 'eks.amazonaws.com/nlb',
            annotations: {
              'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internal',
              'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
            },
          },
        },
      },
    });
  });

  it('creates the edge PriorityClass, below system-cluster-critical, preempting lower priorities, the default of nothing', () => {
    const [priorityClass, ...others] = ofType(resources, priorityClassType);
    expect(others).toEqual([]);
    expect(priorityClass?.inputs).toMatchObject({
      metadata: { name: 'slipway-edge' },
      preemptionPolicy: 'PreemptLowerPriority',
      globalDefault: false,
    });
    expect(priorityClass?.inputs.value).toBeGreaterThan(0);
    expect(priorityClass?.inputs.value).toBeLessThan(2_000_000_000);
  });

  it('runs the proxies and the controller at the edge priority', () => {
    const [proxy] = ofType(resources, envoyProxyType);
    expect(proxy?.inputs.spec).toMatchObject({
      provider: {
        kubernetes: { envoyDeployment: { pod: { priorityClassName: 'slipway-edge' } } },
      },
    });
    expect(releaseNamed(resources, 'envoy-gateway')?.inputs.values).toMatchObject({
      deployment: { priorityClassName: 'slipway-edge' },
    });
  });

  it("installs the controller only after its namespace's policies and the PriorityClass exist", async () => {
    const { options } = await deployPlatformWithOptions(everythingOn);
    const release = options.find(
      (o) => o.type === releaseType && o.name === 'slipway-envoy-gateway',
    );
    const after = (release?.opts.dependsOn ?? []) as { __name?: string }[];
    const names = after.map((resource) => resource.__name);
    expect(names).toEqual(
      expect.arrayContaining([
        'slipway-envoy-gateway-priority',
        'slipway-envoy-gateway-namespace-default-deny-all',
        'slipway-envoy-gateway-namespace-envoy-proxy-ingress',
      ]),
    );
  });

  it.each([
    ['slipway-dev', 'dev.example.com'],
    ['slipway-staging', 'staging.example.com'],
  ])(
    'gives %s a Gateway answering HTTPS on *.%s with a certificate from cert-manager',
    (namespace, domain) => {
      const [gateway, ...others] = inNamespace(resources, gatewayType, namespace);
      expect(others).toEqual([]);
      expect(metadataOf(gateway).name).toBe('public');
      expect(gateway?.inputs.metadata).toMatchObject({
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      });
      expect(gateway?.inputs.spec).toMatchObject({
        gatewayClassName: 'envoy-gateway',
        listeners: [
          {
            name: 'https',
            protocol: 'HTTPS',
            port: 443,
            hostname: `*.${domain}`,
            tls: { mode: 'Terminate', certificateRefs: [{ kind: 'Secret', name: 'public-tls' }] },
          },
          { name: 'http', protocol: 'HTTP', port: 80 },
        ],
      });
    },
  );

  it.each(everythingOn.namespaces)('redirects all HTTP in %s to HTTPS with a 301', (namespace) => {
    const [route] = inNamespace(resources, httpRouteType, namespace);
    expect(route?.inputs.spec).toEqual({
      parentRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: 'public',
          sectionName: 'http',
        },
      ],
      rules: [
        {
          filters: [
            { type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } },
          ],
        },
      ],
    });
  });

  it.each(everythingOn.namespaces)(
    'gives the HTTPS listener in %s its ClientTrafficPolicy: TLS 1.2 at least and HSTS',
    (namespace) => {
      const [policy] = inNamespace(resources, clientTrafficPolicyType, namespace);
      expect(metadataOf(policy).name).toBe('public-https');
      expect(policy?.inputs.spec).toMatchObject({
        targetRefs: [{ kind: 'Gateway', name: 'public', sectionName: 'https' }],
        tls: { minVersion: '1.2' },
      });
      expect(validateKubernetesObject(policy?.inputs)).toEqual([]);
    },
  );

  it('leaves the Gateway unannotated when cert-manager is off (the TLS Secret is then yours)', async () => {
    const withoutCertManager = await deployPlatform({ ...everythingOn, certManager: undefined });
    const [gateway] = ofType(withoutCertManager, gatewayType);
    expect(metadataOf(gateway)).not.toHaveProperty('annotations');
  });
});

describe('the edge with a cloud controller instead', () => {
  it('installs no Envoy Gateway and names the cloud GatewayClass', async () => {
    const resources = await deployPlatform({
      ...everythingOn,
      gateway: {
        domains: { 'slipway-dev': 'dev.example.com', 'slipway-staging': 'staging.example.com' },
        controller: {
          kind: 'external',
          className: 'gke-l7-global-external-managed',
          dataPlane: { namespace: 'gateway-system', podLabels: { app: 'proxy' } },
        },
      },
    });
    const releases = ofType(resources, releaseType).map((r) => r.inputs.name);
    expect(releases).toEqual(['cert-manager', 'velero']);
    expect(ofType(resources, gatewayClassType)).toEqual([]);
    expect(ofType(resources, envoyProxyType)).toEqual([]);
    // A cloud's controller knows no Envoy Gateway policy.
    expect(ofType(resources, clientTrafficPolicyType)).toEqual([]);
    expect(
      ofType(resources, gatewayType).map(
        (g) => (g.inputs.spec as { gatewayClassName: string }).gatewayClassName,
      ),
    ).toEqual(['gke-l7-global-external-managed', 'gke-l7-global-external-managed']);
  });
});

describe('Envoy Gateway pod settings', () => {
  it('configures the controller pods to pass the restricted Pod Security Standard', () => {
    const { deployment } = envoyGatewayValues({ priorityClassName: 'slipway-edge' }) as {
      deployment: { pod: { securityContext: object }; envoyGateway: { securityContext: object } };
    };
    const pod = {
      securityContext: deployment.pod.securityContext,
      containers: [
        {
          name: 'envoy-gateway',
          image: 'docker.io/envoyproxy/gateway:v1.9.1',
          securityContext: deployment.envoyGateway.securityContext,
        },
      ],
    };
    expect(formatViolations(checkRestrictedPodSecurity(pod))).toBe('');
  });

  it('configures the certgen job to pass the restricted Pod Security Standard', () => {
    const { certgen } = envoyGatewayValues({ priorityClassName: 'slipway-edge' }) as {
      certgen: { job: { pod: { securityContext: object }; securityContext: object } };
    };
    const pod = {
      securityContext: certgen.job.pod.securityContext,
      containers: [
        {
          name: 'certgen',
          image: 'docker.io/envoyproxy/gateway:v1.9.1',
          securityContext: certgen.job.securityContext,
        },
      ],
    };
    expect(formatViolations(checkRestrictedPodSecurity(pod))).toBe('');
  });

  it('writes an EnvoyProxy its published schema accepts', () => {
    const proxy = {
      apiVersion: 'gateway.envoyproxy.io/v1alpha1',
      kind: 'EnvoyProxy',
      metadata: { name: 'p', namespace: 'envoy-gateway-system' },
      spec: envoyProxySpec({
        loadBalancer: {
          loadBalancerClass: 'eks.amazonaws.com/nlb',
          annotations: { 'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing' },
        },
        priorityClassName: 'slipway-edge',
        minReplicas: 2,
        maxReplicas: 6,
      }),
    };
    expect(formatViolations(validateKubernetesObject(proxy))).toBe('');
  });
});
