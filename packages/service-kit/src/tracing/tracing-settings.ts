import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// The contract's telemetry module alone: this runs first in every traced process, before the
// service's own modules, and the contract's index would load zod and every other module.
import { telemetry } from '@slipway/platform-contract/telemetry';

/** What {@link readTracingSettings} found: where traces go and whose they are. */
export interface TracingSettings {
  /** The collector's OTLP/HTTP base address; the exporter posts to `<endpoint>/v1/traces`. */
  readonly endpoint: string;
  /** The `service.name` of every span. */
  readonly serviceName: string;
  /** How long spans wait before a batch is sent, in ms (`OTEL_BSP_SCHEDULE_DELAY`, 5000 by default). */
  readonly scheduledDelayMs: number;
}

/** The OpenTelemetry SDK's own default batch delay. */
const defaultScheduledDelayMs = 5_000;

/**
 * Reads the standard OpenTelemetry variables the platform contract names: tracing is on exactly
 * when `OTEL_EXPORTER_OTLP_ENDPOINT` is set (the dev runner and the cluster set it; tests set
 * nothing). The service name is `OTEL_SERVICE_NAME`, else the kit's `SERVICE_NAME`, else the
 * `name` in the working directory's package.json (a service runs from its own folder).
 * This runs before the service's configuration is loaded, so it reads the environment itself:
 * this file is the kit's one door to it (biome's `noProcessEnv` allows it here).
 * @throws Error naming the variable when the endpoint is not an http(s) URL or the delay not a number.
 * @example const settings = readTracingSettings(); // undefined: tracing is off
 */
export function readTracingSettings(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): TracingSettings | undefined {
  const endpoint = env[telemetry.variables.endpoint]?.trim();
  if (!endpoint) return undefined;
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw new Error(
      `${telemetry.variables.endpoint}=${endpoint} is not an http(s) URL: set it to the collector's OTLP/HTTP address, e.g. http://127.0.0.1:${telemetry.collector.otlpHttpPort}, or unset it to turn tracing off`,
    );
  }
  const delay = env.OTEL_BSP_SCHEDULE_DELAY?.trim();
  const scheduledDelayMs = delay ? Number(delay) : defaultScheduledDelayMs;
  if (!Number.isFinite(scheduledDelayMs) || scheduledDelayMs < 0) {
    throw new Error(
      `OTEL_BSP_SCHEDULE_DELAY=${delay} is not a number of milliseconds: set it to e.g. 5000, or unset it`,
    );
  }
  const serviceName =
    env[telemetry.variables.serviceName]?.trim() ||
    env.SERVICE_NAME?.trim() ||
    packageName(cwd) ||
    'unknown_service:node';
  return { endpoint, serviceName, scheduledDelayMs };
}

function packageName(cwd: string): string | undefined {
  try {
    const { name } = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as {
      name?: unknown;
    };
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The message `startService` logs when tracing was asked for (`OTEL_EXPORTER_OTLP_ENDPOINT` is
 * set) but `tracingOn` says no SDK started, because Node was not given the entry point; so a
 * process started without the flag does not silently send nothing. Undefined when all is well.
 * @example const problem = tracingNotStarted(isTracingOn()); // undefined
 */
export function tracingNotStarted(
  tracingOn: boolean,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (tracingOn || !env[telemetry.variables.endpoint]?.trim()) return undefined;
  return `${telemetry.variables.endpoint} is set but tracing did not start: run node with --import @slipway/service-kit/tracing (before the service's script)`;
}
