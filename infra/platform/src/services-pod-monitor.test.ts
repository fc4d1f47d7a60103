import { describe, expect, it } from 'vitest';
import { telemetry } from '@slipway/platform-contract';
import { servicesPodMonitor } from './services-pod-monitor.ts';

describe('servicesPodMonitor', () => {
  const monitor = servicesPodMonitor('slipway-dev');

  it("scrapes the services' metrics port by name, on the metrics path, in its own namespace", () => {
    expect(monitor.spec.podMetricsEndpoints).toEqual([
      expect.objectContaining({ port: 'metrics', path: '/metrics' }),
    ]);
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: ['slipway-dev'] });
    expect(monitor.metadata.namespace).toBe('slipway-dev');
  });

  it("carries the label Prometheus selects pod monitors by, and selects the services' pods by it", () => {
    expect(monitor.metadata.labels).toMatchObject(telemetry.ruleLabel);
    expect(monitor.spec.selector).toEqual({ matchLabels: telemetry.ruleLabel });
  });

  it('labels every series with the service it came from', () => {
    expect(monitor.spec.podMetricsEndpoints[0].relabelings).toEqual([
      {
        sourceLabels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'],
        targetLabel: 'service',
      },
    ]);
  });
});
