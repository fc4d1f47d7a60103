import * as pulumi from '@pulumi/pulumi';
import { describe, expect, it } from 'vitest';
import { installMocks, isSecretMarker, named, promiseOf, settle } from './pulumi-mocks.ts';

class Thing extends pulumi.CustomResource {
  declare readonly extra: pulumi.Output<string>;
  constructor(name: string, props: Record<string, pulumi.Input<unknown>>) {
    super('test:index:Thing', name, { ...props, extra: undefined });
  }
}

describe('installMocks', () => {
  it('records every registered resource with its inputs, secrets still marked', async () => {
    const resources = await installMocks({ project: 'test' });
    new Thing('plain', { value: 'visible' });
    new Thing('hidden', { value: pulumi.secret('s3cr3t') });
    await settle();
    expect(named(resources, 'test:index:Thing', 'plain').inputs.value).toBe('visible');
    const hidden = named(resources, 'test:index:Thing', 'hidden').inputs.value;
    expect(isSecretMarker(hidden)).toBe(true);
    expect(isSecretMarker('s3cr3t')).toBe(false);
  });

  it('answers a resource with its inputs plus what outputsOf adds', async () => {
    await installMocks({
      project: 'test',
      outputsOf: (resource) => (resource.name === 'a' ? { extra: 'from the mock' } : undefined),
    });
    expect(await promiseOf(new Thing('a', {}).extra)).toBe('from the mock');
  });

  it('sets config, keeping the keys set with --secret secret', async () => {
    await installMocks({
      project: 'test',
      config: { 'test:plain': 'a', 'test:object': { b: 1 }, 'test:token': 'c' },
      secretKeys: ['test:token'],
    });
    const config = new pulumi.Config('test');
    expect(config.get('plain')).toBe('a');
    expect(config.getObject('object')).toEqual({ b: 1 });
    // The runtime exports isConfigSecret without declaring it in its types.
    const { isConfigSecret } = pulumi.runtime as unknown as {
      isConfigSecret(key: string): boolean;
    };
    expect(isConfigSecret('test:token')).toBe(true);
    expect(isConfigSecret('test:plain')).toBe(false);
  });

  it('throws, naming the type and name, when a resource was not registered', async () => {
    const resources = await installMocks({ project: 'test' });
    expect(() => named(resources, 'test:index:Thing', 'missing')).toThrow(
      'no test:index:Thing named missing',
    );
  });
});
