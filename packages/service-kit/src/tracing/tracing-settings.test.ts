import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTracingSettings } from './tracing-settings.ts';

const noPackage = mkdtempSync(join(tmpdir(), 'tracing-settings-'));
const withPackage = mkdtempSync(join(tmpdir(), 'tracing-settings-'));
writeFileSync(join(withPackage, 'package.json'), JSON.stringify({ name: 'orders' }));

describe('readTracingSettings', () => {
  it('should be off when OTEL_EXPORTER_OTLP_ENDPOINT is unset or empty', () => {
    expect(readTracingSettings({}, noPackage)).toBeUndefined();
    expect(readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' }, noPackage)).toBeUndefined();
  });

  it.each([
    [{ OTEL_SERVICE_NAME: 'billing', SERVICE_NAME: 'orders' }, withPackage, 'billing'],
    [{ SERVICE_NAME: 'orders' }, noPackage, 'orders'],
    [{}, withPackage, 'orders'],
    [{}, noPackage, 'unknown_service:node'],
  ])('should name the service from %o (folder with package.json: %#)', (env, cwd, name) => {
    const settings = readTracingSettings(
      { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', ...env },
      cwd,
    );
    expect(settings?.serviceName).toBe(name);
  });

  it('should batch every 5 s unless OTEL_BSP_SCHEDULE_DELAY says otherwise', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(readTracingSettings(endpoint, noPackage)?.scheduledDelayMs).toBe(5000);
    expect(
      readTracingSettings({ ...endpoint, OTEL_BSP_SCHEDULE_DELAY: '250' }, noPackage)
        ?.scheduledDelayMs,
    ).toBe(250);
  });

  it('should refuse an endpoint that is not an http(s) URL, naming the variable', () => {
    expect(() =>
      readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, noPackage),
    ).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT=collector:4318 is not an http\(s\) URL/);
    expect(() =>
      readTracingSettings(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_BSP_SCHEDULE_DELAY: 'soon' },
        noPackage,
      ),
    ).toThrow(/OTEL_BSP_SCHEDULE_DELAY=soon/);
  });
});
