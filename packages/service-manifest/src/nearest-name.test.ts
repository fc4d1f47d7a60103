import { describe, expect, it } from 'vitest';
import { nearestName } from './nearest-name.ts';

const fields = ['name', 'port', 'calls', 'calledBy', 'replicas', 'autoscaling', 'secrets'];

describe('nearestName', () => {
  it.each([
    ['replica', 'replicas'],
    ['prot', 'port'],
    ['called_by', 'calledBy'],
    ['calledby', 'calledBy'],
    ['secret', 'secrets'],
    ['autoscalling', 'autoscaling'],
  ])('suggests the field meant by %s: %s', (typo, meant) => {
    expect(nearestName(typo, fields)).toBe(meant);
  });

  it.each(['database', 'x', 'image'])('suggests nothing for %s, which is nowhere near', (name) => {
    expect(nearestName(name, fields)).toBeUndefined();
  });
});
