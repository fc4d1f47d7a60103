import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builtImageOutput,
  builtImageSlots,
  parseBuiltImages,
  pinnedImage,
} from '../src/built-images.ts';
import { recordImageCommand } from '../src/commands/record-image.ts';
import { chooseStackImages } from '../src/stack-image-choice.ts';
import { recordingContext } from './fixture-repo.ts';

const rev = 'a'.repeat(40);
const next = 'b'.repeat(40);
const digest = (d: string) => `sha256:${d.repeat(64)}`;
const plan = [
  { service: 'gateway', image: `ghcr.io/acme/gateway:${rev}` },
  { service: 'orders', image: `ghcr.io/acme/orders:${next}` },
];

describe('the images job outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slipway-built-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("record-image pins the planned tag to the build step's digest, in its slot's output", () => {
    const out = join(dir, 'out.txt');
    recordImageCommand(
      ['--image', plan[1]?.image ?? '', '--digest', digest('1'), '--slot', '1'],
      recordingContext(out),
    );
    expect(readFileSync(out, 'utf8')).toBe(`image-1=${plan[1]?.image}@${digest('1')}\n`);
  });

  it('record-image refuses a missing or malformed digest, a moving tag and a slot out of range', () => {
    const run =
      (...argv: string[]) =>
      () =>
        recordImageCommand(argv, recordingContext());
    expect(run('--image', plan[0]?.image ?? '', '--digest', '', '--slot', '0')).toThrow(
      /--digest is required/,
    );
    expect(run('--image', plan[0]?.image ?? '', '--digest', 'sha256:abc', '--slot', '0')).toThrow(
      /no usable digest/,
    );
    expect(
      run('--image', 'ghcr.io/acme/gateway:latest', '--digest', digest('1'), '--slot', '0'),
    ).toThrow(/not <registry>\/<service>:<full commit sha>/);
    expect(() => builtImageOutput(builtImageSlots)).toThrow(/outside/);
  });

  it('pinnedImage and parseBuiltImages accept only <image>:<sha>@sha256:<digest>', () => {
    expect(pinnedImage(plan[0]?.image ?? '', digest('2'))).toBe(`${plan[0]?.image}@${digest('2')}`);
    expect(
      parseBuiltImages(
        JSON.stringify({ 'image-0': `${plan[0]?.image}@${digest('2')}`, 'image-1': '' }),
      ),
    ).toEqual([`${plan[0]?.image}@${digest('2')}`]);
    expect(() => parseBuiltImages(JSON.stringify({ 'image-0': plan[0]?.image }))).toThrow(
      /is not <registry>\/<service>:<sha>@sha256:<digest>/,
    );
    expect(() => parseBuiltImages('[1]')).toThrow(/JSON object/);
    expect(() => parseBuiltImages('nope')).toThrow(/not JSON/);
  });
});

describe('chooseStackImages', () => {
  const built = plan.map(({ image }) => `${image}@${digest('3')}`);

  it('keeps the deployed image of the same revision and takes the build for the rest', () => {
    const deployed = { gateway: `${plan[0]?.image}@${digest('9')}` };
    expect(chooseStackImages({ plan, built, deployed })).toEqual({
      images: { gateway: deployed.gateway, orders: built[1] },
      sources: { gateway: 'deployed', orders: 'built' },
    });
  });

  it('never keeps a deployed image of another revision, or one that is not pinned', () => {
    const deployed = {
      gateway: `ghcr.io/acme/gateway:${next}@${digest('9')}`,
      orders: plan[1]?.image ?? '',
    };
    expect(chooseStackImages({ plan, built, deployed }).sources).toEqual({
      gateway: 'built',
      orders: 'built',
    });
  });

  it('refuses to deploy a service whose digest came neither from this build nor from the stack', () => {
    expect(() => chooseStackImages({ plan, built: built.slice(0, 1), deployed: {} })).toThrow(
      /orders: neither this run's build nor the stack's deployment/,
    );
  });

  it('refuses a built image that is no planned image (another revision or registry)', () => {
    const stray = `ghcr.io/acme/orders:${rev}@${digest('4')}`;
    expect(() => chooseStackImages({ plan, built: [...built, stray], deployed: {} })).toThrow(
      /is no service's planned image/,
    );
  });

  it('leaves a preview on unpinned tags where it has nothing trusted', () => {
    expect(chooseStackImages({ plan, built: [], deployed: {}, preview: true }).images).toEqual({
      gateway: plan[0]?.image,
      orders: plan[1]?.image,
    });
  });
});
