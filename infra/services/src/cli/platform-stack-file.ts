import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type RenderedPlatform, renderPlatform } from '@slipway/infra-platform/render';
import { replaceSecure } from './stack-file.ts';

/** The platform project folder, whose `Pulumi.<stack>.yaml` configures the environment's add-ons. */
const platformProjectDir = fileURLToPath(new URL('../../../platform/', import.meta.url));

/**
 * Renders the platform program for a stack from its committed `Pulumi.<stack>.yaml`, offline:
 * what it would apply and what it would export (the gateway services attach to). Encrypted
 * values are placeholders; nothing is decrypted.
 * @throws Error naming the missing stack file, or the platform's config problems.
 * @example const { outputs } = await renderPlatformStack('dev');
 */
export async function renderPlatformStack(
  stack: string,
  dir = platformProjectDir,
): Promise<RenderedPlatform> {
  const file = join(dir, `Pulumi.${stack}.yaml`);
  if (!existsSync(file))
    throw new Error(
      `no platform stack file ${file}: the services of '${stack}' attach to its gateway. Create it from Pulumi.dev.yaml (docs/deploying.md), or render a stack that has one.`,
    );
  const document: unknown = parse(readFileSync(file, 'utf8'));
  const config =
    typeof document === 'object' && document !== null && 'config' in document
      ? replaceSecure((document as { config: unknown }).config)
      : {};
  return renderPlatform(stack, (config ?? {}) as Record<string, unknown>);
}
