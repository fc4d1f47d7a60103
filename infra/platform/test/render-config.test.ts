import { describe, expect, it } from 'vitest';
import { renderPlatform } from '../src/render/index.ts';

describe('renderPlatform config handling', () => {
  const minimal = {
    gateway: { enabled: false },
    certManager: { enabled: false },
    backups: { enabled: false },
    monitoring: { enabled: false },
    admission: { enabled: false },
  };

  it('takes keys with or without the slipway-platform: prefix alike', async () => {
    const bare = await renderPlatform('qa', { ...minimal, environment: 'dev' });
    const prefixed = await renderPlatform(
      'qa',
      Object.fromEntries(
        Object.entries({ ...minimal, environment: 'dev' }).map(([k, v]) => [
          `slipway-platform:${k}`,
          v,
        ]),
      ),
    );
    expect(prefixed).toEqual(bare);
    expect(bare.outputs).toEqual({ namespaces: ['slipway-qa'] });
    expect(bare.releases).toEqual([]);
  });

  it('fails like the program does on an incomplete config, naming the field', async () => {
    await expect(renderPlatform('dev', { ...minimal, gateway: {} })).rejects.toThrow(
      'stack config gateway.domains.slipway-dev ',
    );
  });
});
