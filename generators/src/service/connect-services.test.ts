import { describe, expect, it } from 'vitest';
import { addToManifestList } from './connect-services.ts';

const manifest = `# The platform reads this file.
name: orders
port: 3001
public: false
calls: []
calledBy: [gateway] # who may call
egress:
  - name: postgres
    cidr: 10.0.0.0/8
    ports: [5432]
resources:
  requests: { cpu: 100m, memory: 128Mi, ephemeralStorage: 64Mi }
`;

describe('addToManifestList', () => {
  it.each([
    ['a flow list', 'calledBy', 'calledBy: [gateway, billing] # who may call'],
    ['an empty flow list', 'calls', 'calls: [billing]'],
  ] as const)('adds the entry to %s and changes no other byte', (_case, field, line) => {
    const after = addToManifestList(manifest, field, 'billing');
    const changed = after.split('\n').filter((l, i) => l !== manifest.split('\n')[i]);
    expect(changed).toEqual([line]);
  });

  it('adds the entry to a block list with the indentation and comments of the others', () => {
    const text = 'name: orders\ncalledBy:\n  # callers\n  - gateway # the entry\nport: 1\n';
    expect(addToManifestList(text, 'calledBy', 'billing')).toBe(
      'name: orders\ncalledBy:\n  # callers\n  - gateway # the entry\n  - billing\nport: 1\n',
    );
  });

  it('adds the entry after a map entry of calls, on a line of its own', () => {
    const text = 'name: shop\ncalls:\n  - service: stock\n    timeoutMs: 800\nport: 1\n';
    expect(addToManifestList(text, 'calls', 'billing')).toBe(
      'name: shop\ncalls:\n  - service: stock\n    timeoutMs: 800\n  - billing\nport: 1\n',
    );
  });

  it('leaves calls unchanged when a map entry already names the service', () => {
    const text = 'calls: [{ service: billing, timeoutMs: 800 }]\n';
    expect(addToManifestList(text, 'calls', 'billing')).toBe(text);
  });

  it('adds a missing list after the field it pairs with', () => {
    const text = 'name: orders\nport: 3001\ncalls: [users]\nreplicas:\n  min: 2\n';
    expect(addToManifestList(text, 'calledBy', 'billing')).toBe(
      'name: orders\nport: 3001\ncalls: [users]\ncalledBy: [billing]\nreplicas:\n  min: 2\n',
    );
  });

  it('leaves the text unchanged when the entry is already listed', () => {
    expect(addToManifestList(manifest, 'calledBy', 'gateway')).toBe(manifest);
  });
});
