import { previewNamespace } from '@slipway/platform-contract';

/**
 * A pull request's preview environment, from the stack config key `preview` (written by
 * `npm run preview -- up`, docs/deploying/previews.md): the services deploy into their own
 * namespace `<product>-pr-<n>`, one pod each, and public ones answer on the environment's
 * gateway under a host of the preview's own.
 */
export interface PreviewSettings {
  /** The pull request's number. */
  readonly pr: number;
  /** When the preview may be collected (`npm run preview -- gc`): an ISO 8601 instant. */
  readonly expiresAt: string;
  /** The services it deploys: those the pull request changed and every service they call. */
  readonly services: readonly string[];
  /** The environment namespace (staging's) whose gateway the preview's routes attach to. */
  readonly environmentNamespace: string;
  /** The preview's own namespace, `<product>-pr-<n>`. */
  readonly namespace: string;
}

/** What a `preview` entry is checked for: the fields and the problem reporter of the stack config. */
type Report = (field: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Validates the `preview` key of the stack config; `environmentNamespace` is the stack's own
 * `namespace` (staging's, as the preview stack's config is derived from staging's).
 * @example readPreviewSettings({ pr: 12, expiresAt: '2026-01-08T00:00:00Z', services: ['orders'] }, 'slipway-staging', report)
 */
export function readPreviewSettings(
  input: unknown,
  environmentNamespace: string,
  report: Report,
): PreviewSettings | undefined {
  if (input === undefined || input === null) return undefined;
  if (!isRecord(input)) {
    report('preview', 'must be a map: { pr, expiresAt, services }');
    return undefined;
  }
  const { pr, expiresAt, services } = input;
  const unknown = Object.keys(input).filter((k) => !['pr', 'expiresAt', 'services'].includes(k));
  for (const key of unknown)
    report(`preview.${key}`, 'is not a preview setting (pr, expiresAt, services)');
  const number = typeof pr === 'number' && Number.isSafeInteger(pr) && pr > 0 ? pr : undefined;
  if (number === undefined)
    report('preview.pr', 'must be the pull request number, a positive integer');
  const expiry =
    typeof expiresAt === 'string' &&
    isoInstant.test(expiresAt) &&
    !Number.isNaN(Date.parse(expiresAt))
      ? expiresAt
      : undefined;
  if (expiry === undefined)
    report('preview.expiresAt', 'must be an ISO 8601 instant such as 2026-01-08T12:00:00Z');
  const names =
    Array.isArray(services) && services.length > 0 && services.every((s) => typeof s === 'string')
      ? (services as string[])
      : undefined;
  if (names === undefined)
    report('preview.services', 'must list the services to deploy (at least one)');
  if (number === undefined || expiry === undefined || names === undefined) return undefined;
  return {
    pr: number,
    expiresAt: expiry,
    services: [...new Set(names)].sort(),
    environmentNamespace,
    namespace: previewNamespace(number),
  };
}
