import { describe, expect, it } from 'vitest';
import { selectPreviewServices } from './preview-selection.ts';

const catalog = [
  { name: 'web', calls: ['orders'] },
  { name: 'orders', calls: ['stock'] },
  { name: 'stock', calls: [] },
  { name: 'billing', calls: ['orders'] },
];

describe('selectPreviewServices', () => {
  it('adds every service a changed one calls, directly or through another, and none of its callers', () => {
    expect(selectPreviewServices(catalog, ['web'])).toEqual({
      changed: ['web'],
      called: ['orders', 'stock'],
      services: ['orders', 'stock', 'web'],
    });
    expect(selectPreviewServices(catalog, ['orders']).services).toEqual(['orders', 'stock']);
  });

  it('selects nothing when nothing changed', () => {
    expect(selectPreviewServices(catalog, []).services).toEqual([]);
  });

  it('names a changed service the catalog lacks', () => {
    expect(() => selectPreviewServices(catalog, ['nope'])).toThrow(/no service named nope/);
  });
});
