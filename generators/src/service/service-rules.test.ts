import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFixtureRepo } from '../../test/helpers/fixture-repo.ts';
import { readRepoCatalog } from '../shared/repo-catalog.ts';
import {
  checkServiceAnswers,
  nameProblem,
  nextFreePort,
  ownerProblem,
  portProblem,
  servicesProblem,
} from './service-rules.ts';

const root = createFixtureRepo();
mkdirSync(join(root, 'apps/notes'));
const catalog = readRepoCatalog(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nameProblem', () => {
  it.each([
    ['', 'A service name is required'],
    ['Billing', "'Billing' is not a valid Kubernetes DNS-1123 label"],
    ['Billing', "(for example 'billing')"],
    ['2fa', 'start with a letter'],
    ['billing-', 'end with a letter or digit'],
    ['bill_ing', "(for example 'bill-ing')"],
    ['node_modules', "(for example 'node-modules')"],
    ['a'.repeat(64), 'at most 63 characters'],
    [
      'orders',
      'apps/orders already exists. Choose another name, or remove that service first (npm run gen -- remove-service orders)',
    ],
    ['notes', 'apps/notes already exists'],
    ['config', 'clashes with the workspace package @slipway/config (packages/config)'],
    ['service-kit', 'clashes with the workspace package @slipway/service-kit'],
    ['hono', "clashes with the installed package 'hono' (node_modules/hono)"],
    ['kubernetes', "'kubernetes' is reserved"],
  ])('refuses %j, saying %j', (name, message) => {
    expect(nameProblem(name, catalog)).toContain(message);
  });

  it('accepts a free DNS-1123 label', () => {
    expect(nameProblem('billing', catalog)).toBeUndefined();
  });
});

describe('portProblem', () => {
  it.each([
    [
      3001,
      "Port 3001 is already used by service 'orders' (apps/orders/service.yaml): pick a free port, such as 3002.",
    ],
    [80, "The port '80' is not valid: use a whole number from 1024 to 65535, such as 3002"],
    [70000, "The port '70000' is not valid"],
    ['abc', "The port 'abc' is not valid"],
    [3000.5, "The port '3000.5' is not valid"],
  ])('refuses %j', (port, message) => {
    expect(portProblem(port, catalog)).toContain(message);
  });

  it('offers the port after the highest one in use', () => {
    expect(nextFreePort(catalog)).toBe(3002);
    expect(portProblem(3002, catalog)).toBeUndefined();
  });
});

describe('servicesProblem and ownerProblem', () => {
  it('refuses a call to a service that does not exist and lists those that do', () => {
    expect(servicesProblem('calls', ['orders', 'users'], 'billing', catalog)).toBe(
      "The new service calls 'users', but there is no such service (no apps/users/service.yaml). Existing services: gateway, orders.",
    );
  });

  it('refuses the new service in its own lists', () => {
    expect(servicesProblem('calledBy', ['billing'], 'billing', catalog)).toContain(
      'the new service itself',
    );
  });

  it.each(['@acme/payments', '@alice', ''])('accepts the owner %j', (owner) => {
    expect(ownerProblem(owner)).toBeUndefined();
  });

  it('refuses an owner that is not a GitHub handle', () => {
    expect(ownerProblem('payments')).toContain("use a team such as '@acme/payments'");
  });
});

describe('checkServiceAnswers', () => {
  it('normalizes flag answers: a port string, comma lists, a default description', () => {
    expect(
      checkServiceAnswers(
        { name: 'billing', port: '3004', calls: 'orders, gateway', public: 'yes' },
        catalog,
      ),
    ).toEqual({
      name: 'billing',
      description: 'The billing service.',
      port: 3004,
      public: true,
      calls: ['orders', 'gateway'],
      calledBy: [],
      owner: '',
      database: 'none',
      cache: false,
    });
  });

  it.each([
    ['yes', true],
    [true, true],
    ['no', false],
    [undefined, false],
  ])('takes the cache answer %s as %s', (cache, expected) => {
    expect(checkServiceAnswers({ name: 'billing', port: '3004', cache }, catalog).cache).toBe(
      expected,
    );
  });

  it.each([
    ['a', 'is too short: use at least two characters'],
    ['x--y', 'has a double hyphen: callers would read it as X__Y_URL'],
  ])('refuses the name %s, quoting it', (name, reason) => {
    expect(() => checkServiceAnswers({ name }, catalog)).toThrow(
      `The service name '${name}' ${reason}`,
    );
  });

  it('refuses a database it cannot scaffold, quoting it', () => {
    expect(() => checkServiceAnswers({ name: 'billing', database: 'mysql' }, catalog)).toThrow(
      "The database 'mysql' is not one Slipway scaffolds: use 'none' or 'postgres'",
    );
  });

  it.each(['abc', '30.5', '3e3'])(
    'quotes a port that is not a whole number as typed: %s',
    (port) => {
      expect(() => checkServiceAnswers({ name: 'billing', port }, catalog)).toThrow(
        `The port '${port}' is not valid`,
      );
    },
  );

  it('lists every problem at once and says nothing was written', () => {
    const check = () =>
      checkServiceAnswers({ name: 'orders', port: '3000', calls: 'nope', owner: 'me' }, catalog);
    expect(check).toThrow(/^Cannot create service 'orders':\n {2}- The name 'orders' is taken/);
    expect(check).toThrow(/- Port 3000 is already used by service 'gateway'/);
    expect(check).toThrow(/- The new service calls 'nope'/);
    expect(check).toThrow(/- The owner 'me' is not a GitHub handle/);
    expect(check).toThrow(/\nNothing was written\.$/);
  });
});
