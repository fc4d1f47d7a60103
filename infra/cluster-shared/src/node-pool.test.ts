import { describe, expect, it } from 'vitest';
import { type NodePoolSchema, resolveNodePool } from './node-pool.ts';

/** A cloud that spells the fields its own way, as each real one does. */
interface ExampleArgs {
  readonly size?: string;
  readonly fewest?: number;
  readonly most?: number;
  readonly disk?: number;
}

const example: NodePoolSchema<ExampleArgs> = {
  fields: { machineType: 'size', minNodes: 'fewest', maxNodes: 'most', diskSize: 'disk' },
  defaults: { machineType: 'small', minNodes: 3, maxNodes: 9, diskSize: 50 },
};

describe('resolveNodePool', () => {
  it("applies the cloud's defaults to what the stack config leaves out", () => {
    expect(resolveNodePool(example, undefined)).toEqual(example.defaults);
    expect(resolveNodePool(example, { size: 'large', most: 12 })).toEqual({
      machineType: 'large',
      minNodes: 3,
      maxNodes: 12,
      diskSize: 50,
    });
  });

  it('reads every field under the name the cloud gives it', () => {
    expect(resolveNodePool(example, { size: 'x', fewest: 4, most: 5, disk: 80 })).toEqual({
      machineType: 'x',
      minNodes: 4,
      maxNodes: 5,
      diskSize: 80,
    });
  });

  it.each([
    [{ fewest: 0 }, 'nodePool.fewest must be a whole number of at least 1, got 0'],
    [{ fewest: 2.5 }, 'nodePool.fewest must be a whole number of at least 1, got 2.5'],
    [
      { fewest: 5, most: 4 },
      'nodePool.most must be a whole number of at least nodePool.fewest (5), got 4',
    ],
    [
      { most: 9.5 },
      'nodePool.most must be a whole number of at least nodePool.fewest (3), got 9.5',
    ],
  ])('rejects %o, naming the field as the stack config spells it', (pool, message) => {
    expect(() => resolveNodePool(example, pool)).toThrow(message);
  });
});
