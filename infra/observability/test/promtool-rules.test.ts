import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { type ObservedManifest, rulesFile, serviceAlertRules } from '../src/index.ts';
import { describeWithPromtool } from './promtool.ts';

const workDir = mkdtempSync(join(tmpdir(), 'slipway-promtool-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Each committed `promtool test rules` file, and the manifest whose prod rules it tests. */
const cases: readonly { file: string; manifest: ObservedManifest }[] = [
  { file: 'orders-alerts.yaml', manifest: { name: 'orders', objectives: { availability: 99.9 } } },
  {
    file: 'whole-second-threshold-alerts.yaml',
    manifest: { name: 'search', objectives: { latency: { thresholdMs: 1000 } } },
  },
];

describeWithPromtool('promtool test rules on the generated alert rules', (promtool) => {
  it.each(cases)('passes $file', ({ file, manifest }) => {
    const dir = mkdtempSync(join(workDir, 'case-'));
    writeFileSync(join(dir, 'rules.yaml'), rulesFile(serviceAlertRules(manifest, 'prod')));
    copyFileSync(join(import.meta.dirname, 'promtool', file), join(dir, file));
    const result = promtool(['test', 'rules', file], dir);
    expect(result.output).toContain('SUCCESS');
    expect(result.ok).toBe(true);
  });
});
