import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { letsEncryptProduction, letsEncryptStaging } from '../src/cert-manager.ts';
import { renderPlatform } from '../src/render/index.ts';

const projectDir = fileURLToPath(new URL('..', import.meta.url));

/** Every committed stack file, found by name, so a stack added later is checked too. */
const stacks = readdirSync(projectDir)
  .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
  .filter((stack): stack is string => stack !== undefined)
  .sort();

/** The stacks the deploy workflow ships to users: their certificates must be trusted. */
const deployedStacks = ['prod', 'staging'];

function stackConfig(stack: string): Record<string, unknown> {
  const file = new URL(`../Pulumi.${stack}.yaml`, import.meta.url);
  return (parse(readFileSync(file, 'utf8')) as { config: Record<string, unknown> }).config;
}

/** True when the stack file itself asks for Let's Encrypt staging. */
function optsIntoStaging(config: Record<string, unknown>): boolean {
  const certManager = config['slipway-platform:certManager'] as
    | { letsEncrypt?: unknown }
    | undefined;
  return certManager?.letsEncrypt === 'staging';
}

describe('the committed platform stack files', () => {
  it('include the stacks the deploy workflow deploys', () => {
    expect(stacks).toEqual(expect.arrayContaining(deployedStacks));
  });

  it.each(stacks)(
    "%s: the ClusterIssuer uses Let's Encrypt staging only when the stack file says letsEncrypt: staging",
    async (stack) => {
      const config = stackConfig(stack);
      const rendered = await renderPlatform(stack, config);
      const issuers = rendered.objects.filter((object) => object.kind === 'ClusterIssuer');
      for (const issuer of issuers) {
        expect(issuer).toMatchObject({
          spec: {
            acme: { server: optsIntoStaging(config) ? letsEncryptStaging : letsEncryptProduction },
          },
        });
      }
      expect(JSON.stringify(rendered).includes(letsEncryptStaging)).toBe(optsIntoStaging(config));
    },
  );

  it.each(deployedStacks)(
    "%s: gets trusted certificates from Let's Encrypt production",
    async (stack) => {
      const config = stackConfig(stack);
      expect(optsIntoStaging(config)).toBe(false);
      const rendered = await renderPlatform(stack, config);
      expect(rendered.objects.filter((object) => object.kind === 'ClusterIssuer')).toEqual([
        expect.objectContaining({
          spec: expect.objectContaining({
            acme: expect.objectContaining({ server: letsEncryptProduction }),
          }),
        }),
      ]);
    },
  );
});
