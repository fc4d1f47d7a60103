import { describe, expect, it } from 'vitest';
import { metricsEndpoint } from '@slipway/platform-contract';
import { exampleManifests, find, podSpecOf, renderObjects } from './fixtures.ts';

const objects = await renderObjects(exampleManifests());
const publicServices = exampleManifests().filter((m) => m.public);

interface ContainerPort {
  readonly name: string;
  readonly containerPort: number;
}
interface ServicePort {
  readonly port: number;
  readonly targetPort: string | number;
}

function containerPorts(service: string): ContainerPort[] {
  return podSpecOf(objects, service).containers[0].ports;
}

/** The container port a Service port leads to: by name or by number, as Kubernetes resolves it. */
function resolve(service: string, port: ServicePort): ContainerPort | undefined {
  return containerPorts(service).find((p) =>
    typeof port.targetPort === 'string'
      ? p.name === port.targetPort
      : p.containerPort === port.targetPort,
  );
}

describe('metrics stay off every path the gateway and callers take', () => {
  it('the examples include a public service, so the route checks below check something', () => {
    expect(publicServices.map((m) => m.name)).toContain('gateway');
  });

  it('every pod serves its metrics on a container port of their own', () => {
    for (const manifest of exampleManifests()) {
      const metrics = containerPorts(manifest.name).find(
        (p) => p.name === metricsEndpoint.portName,
      );
      expect(metrics?.containerPort, manifest.name).toBe(metricsEndpoint.port);
      expect(metrics?.containerPort, manifest.name).not.toBe(manifest.port);
    }
  });

  it("the Service port an HTTPRoute sends traffic to leads to the pod's http port, not its metrics port", () => {
    for (const manifest of publicServices) {
      const route = find(objects, 'HTTPRoute', manifest.name);
      const servicePorts: ServicePort[] = find(objects, 'Service', manifest.name).spec.ports;
      for (const backend of route.spec.rules.flatMap(
        (rule: { backendRefs: { port: number }[] }) => rule.backendRefs,
      )) {
        const servicePort = servicePorts.find((p) => p.port === backend.port);
        const target = servicePort && resolve(manifest.name, servicePort);
        expect(target?.name, manifest.name).toBe('http');
        expect(target?.containerPort, manifest.name).not.toBe(metricsEndpoint.port);
      }
    }
  });

  it('no Service port leads to the metrics port: the scraper reads pods directly', () => {
    for (const manifest of exampleManifests()) {
      const servicePorts: ServicePort[] = find(objects, 'Service', manifest.name).spec.ports;
      for (const port of servicePorts) {
        expect(resolve(manifest.name, port)?.name, manifest.name).toBe('http');
      }
    }
  });
});
