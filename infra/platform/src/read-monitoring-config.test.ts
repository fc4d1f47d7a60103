import { describe, expect, it } from 'vitest';
import { readMonitoringConfig } from './read-monitoring-config.ts';

describe('readMonitoringConfig', () => {
  it('is on with every default unless enabled is false', () => {
    expect(readMonitoringConfig({})).toEqual({});
    expect(readMonitoringConfig({ enabled: false })).toBeUndefined();
  });

  it('passes the retention and sizes a stack sets', () => {
    const section = {
      prometheusRetention: '30d',
      prometheusStorageSize: '100Gi',
      tempoRetention: '336h',
      tempoStorageSize: '20Gi',
    };
    expect(readMonitoringConfig(section)).toEqual(section);
  });

  it.each([
    [{ prometheusRetention: '30 days' }, 'stack config monitoring.prometheusRetention must be'],
    [{ tempoRetention: '7d' }, 'stack config monitoring.tempoRetention must be a Go duration'],
    [{ prometheusStorageSize: '50GB' }, 'stack config monitoring.prometheusStorageSize'],
    [{ tempoStorageSize: 10 as unknown as string }, 'stack config monitoring.tempoStorageSize'],
  ])('names the field that does not read as its tool reads it: %j', (section, message) => {
    expect(() => readMonitoringConfig(section)).toThrow(message);
  });
});
