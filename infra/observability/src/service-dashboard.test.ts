import { describe, expect, it } from 'vitest';
import { telemetry } from '@slipway/platform-contract';
import { dashboardConfigMap, serviceDashboard } from './service-dashboard.ts';

const dashboard = serviceDashboard(
  { name: 'orders', objectives: { availability: 99.5, latency: { thresholdMs: 250 } } },
  'prod',
);
const queries = dashboard.panels.flatMap((panel) => panel.targets.map((t) => t.expr));

describe('serviceDashboard', () => {
  it('shows requests, errors, latency, budget, saturation, pods, restarts and autoscaler', () => {
    expect(dashboard.panels.map((panel) => panel.title)).toEqual([
      'Requests',
      'Errors',
      'Latency',
      'Error budget left (30 days)',
      'CPU',
      'Memory',
      'Pods',
      'Restarts',
      'Autoscaler',
    ]);
  });

  it("queries only the service's own series in its environment's namespace", () => {
    for (const expr of queries) {
      expect(expr).toMatch(
        /namespace="slipway-prod", (container|deployment|horizontalpodautoscaler)="orders"/,
      );
      expect(expr).not.toMatch(/\{(?![^}]*namespace="slipway-prod")[^}]*\}/);
    }
  });

  it('draws the objectives as threshold lines', () => {
    const threshold = (title: string) =>
      dashboard.panels.find((p) => p.title === title)?.fieldConfig.defaults.thresholds;
    expect(threshold('Errors')).toMatchObject({ steps: [{}, { value: 0.005 }] });
    expect(threshold('Latency')).toMatchObject({ steps: [{}, { value: 0.25 }] });
  });

  it('places panels without overlap on the 24-column grid', () => {
    const cells = dashboard.panels.map(({ gridPos: { x, y } }) => `${x},${y}`);
    expect(new Set(cells).size).toBe(cells.length);
    for (const { gridPos } of dashboard.panels)
      expect(gridPos.x + gridPos.w).toBeLessThanOrEqual(24);
  });

  it("keeps a long service's uid within Grafana's 40 characters, apart from its other environments", () => {
    const name = 'a'.repeat(50);
    const uids = (['dev', 'prod'] as const).map((env) => serviceDashboard({ name }, env).uid);
    for (const uid of uids) expect(uid.length).toBeLessThanOrEqual(40);
    expect(uids[0]).not.toBe(uids[1]);
  });
});

describe('dashboardConfigMap', () => {
  it("holds the dashboard's JSON under the label Grafana's sidecar loads", () => {
    const configMap = dashboardConfigMap({ name: 'orders' }, 'dev');
    expect(configMap.metadata).toEqual({
      name: 'orders-dashboard',
      labels: telemetry.dashboardLabel,
    });
    expect(JSON.parse(configMap.data['orders-dev.json'] ?? '')).toEqual(
      serviceDashboard({ name: 'orders' }, 'dev'),
    );
  });
});
