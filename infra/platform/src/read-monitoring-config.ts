import type { PlatformArgs } from './platform.ts';
import { fail } from './stack-config-error.ts';

/** The `monitoring` section of the stack config. */
export interface MonitoringConfig {
  readonly enabled?: boolean;
  readonly prometheusRetention?: string;
  readonly prometheusStorageSize?: string;
  readonly tempoRetention?: string;
  readonly tempoStorageSize?: string;
}

/** Prometheus's retention syntax: a number and a unit (`15d`, `12h`, `2w`...). */
const prometheusDuration = /^\d+(ms|s|m|h|d|w|y)$/;
/** A Go duration as Tempo reads it (`168h`, `90m`...). */
const goDuration = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;
/** A Kubernetes quantity for a volume (`50Gi`, `500Mi`). */
const storageSize = /^\d+(Ki|Mi|Gi|Ti)$/;

/**
 * The monitoring part of the platform, or undefined when `enabled: false`. Each field that is
 * set must read as Prometheus, Tempo and Kubernetes will read it; left out, monitoring.ts's
 * `monitoringDefaults` apply.
 *
 * @example
 * readMonitoringConfig({ prometheusRetention: '30d' });
 */
export function readMonitoringConfig(section: MonitoringConfig): PlatformArgs['monitoring'] {
  if (section.enabled === false) return undefined;
  const checks = [
    ['prometheusRetention', prometheusDuration, 'a Prometheus duration such as 15d'],
    ['tempoRetention', goDuration, 'a Go duration such as 168h'],
    ['prometheusStorageSize', storageSize, 'a volume size such as 50Gi'],
    ['tempoStorageSize', storageSize, 'a volume size such as 10Gi'],
  ] as const;
  for (const [field, pattern, expected] of checks) {
    const value = section[field];
    if (value !== undefined && !pattern.test(String(value))) {
      fail(`monitoring.${field}`, `must be ${expected}, got '${String(value)}'`);
    }
  }
  return {
    ...(section.prometheusRetention ? { prometheusRetention: section.prometheusRetention } : {}),
    ...(section.prometheusStorageSize
      ? { prometheusStorageSize: section.prometheusStorageSize }
      : {}),
    ...(section.tempoRetention ? { tempoRetention: section.tempoRetention } : {}),
    ...(section.tempoStorageSize ? { tempoStorageSize: section.tempoStorageSize } : {}),
  };
}
