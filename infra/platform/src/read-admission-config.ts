import { fileURLToPath } from 'node:url';
import {
  isRegistry,
  ownerPlaceholder,
  type PlatformFile,
  readPlatformFile,
} from '@slipway/platform-contract';
import type { PlatformArgs } from './platform.ts';
import { fail } from './stack-config-error.ts';

/** The `admission` section of the stack config. */
export interface AdmissionConfig {
  readonly enabled?: boolean;
  /** The only registry services may pull from. Default: platform.json's `registry`. */
  readonly registry?: string;
  /** `<owner>/<repo>` whose deploy workflow signs the images. Default: platform.json's `repository`. */
  readonly repository?: string;
  /** Verify each image's build provenance at admission. Default: true. */
  readonly signatures?: boolean;
}

const repositoryPattern = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The image admission of the platform, or undefined when `enabled: false`. Registry and
 * repository default to platform.json's, the `<owner>` placeholder replaced by the repository's
 * owner as CI replaces it (GHCR names are lowercase).
 * @example readAdmissionConfig({ signatures: false })
 */
export function readAdmissionConfig(
  section: AdmissionConfig,
  platformFile: PlatformFile = readPlatformFile(repoRoot),
): PlatformArgs['admission'] {
  if (section.enabled === false) return undefined;
  const repository = section.repository ?? platformFile.repository;
  if (!repositoryPattern.test(repository)) {
    fail('admission.repository', `must be <owner>/<repo>, got '${repository}'`);
  }
  const owner = (repository.split('/')[0] ?? '').toLowerCase();
  const registry = (section.registry ?? platformFile.registry)
    .replaceAll(ownerPlaceholder, owner)
    .replace(/\/+$/, '');
  if (!isRegistry(registry)) {
    fail(
      'admission.registry',
      `must be a lowercase registry path like ghcr.io/acme, got '${registry}'`,
    );
  }
  if (section.signatures !== undefined && typeof section.signatures !== 'boolean') {
    fail('admission.signatures', 'must be true or false');
  }
  return { registry, repository, signatures: section.signatures ?? true };
}
