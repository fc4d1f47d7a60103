import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { findRepositoryRoot } from '@slipway/platform-contract';
import { environments, loadServiceManifests } from '@slipway/service-manifest';
import {
  certificateAlertRules,
  type ObservedManifest,
  type RuleGroups,
  rulesFile,
  serviceAlertRules,
  serviceDashboard,
} from '../src/index.ts';
import { describeWithPromtool, type RunPromtool } from './promtool.ts';

const workDir = mkdtempSync(join(tmpdir(), 'slipway-promtool-check-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The repository's own services, and objectives at the edges of what a manifest may declare. */
const manifests: readonly ObservedManifest[] = [
  ...loadServiceManifests(findRepositoryRoot(import.meta.dirname)),
  {
    name: 'strict',
    objectives: { availability: 99.999, latency: { percentile: 99.99, thresholdMs: 5 } },
  },
  {
    name: 'lenient',
    objectives: { availability: 90, latency: { percentile: 50, thresholdMs: 10000 } },
  },
];

/**
 * A dashboard's queries as recording rules, so promtool parses them as it parses the rules.
 * Grafana's `$__rate_interval` becomes a duration, which is what Grafana substitutes for it.
 */
function dashboardQueriesAsRules(manifest: ObservedManifest): RuleGroups {
  const panels = environments.flatMap((env) => serviceDashboard(manifest, env).panels);
  const exprs = panels.flatMap((panel) => panel.targets.map((target) => target.expr));
  return {
    groups: [
      {
        name: 'dashboard-queries',
        rules: exprs.map((expr, i) => ({
          record: `dashboard:query_${i}:value`,
          expr: expr.replaceAll('$__rate_interval', '5m'),
        })),
      },
    ],
  };
}

function check(promtool: RunPromtool, name: string, rules: RuleGroups) {
  writeFileSync(join(workDir, name), rulesFile(rules));
  const result = promtool(['check', 'rules', '--lint=all', '--lint-fatal', name], workDir);
  expect(result.output).toContain('SUCCESS');
  expect(result.ok).toBe(true);
}

describeWithPromtool('promtool check rules', (promtool) => {
  it.each(manifests.flatMap((manifest) => environments.map((env) => ({ manifest, env }))))(
    'parses the alert rules of $manifest.name in $env',
    ({ manifest, env }) => {
      check(promtool, `${manifest.name}-${env}.rules.yaml`, serviceAlertRules(manifest, env));
    },
  );

  it.each(environments)('parses the certificate alert rules in %s', (env) => {
    check(promtool, `certificates-${env}.rules.yaml`, { groups: [certificateAlertRules(env)] });
  });

  it.each(manifests)('parses every query of the dashboards of $name', (manifest) => {
    check(promtool, `${manifest.name}-dashboard.rules.yaml`, dashboardQueriesAsRules(manifest));
  });
});
