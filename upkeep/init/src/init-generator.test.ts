import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRepoCatalog } from '@slipway/generators';
import { createFixtureRepo } from '@slipway/generators/testing';
import { checkInitAnswers, registryProblem, scopeProblem } from './init-generator.ts';

const root = createFixtureRepo();
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scopeProblem and registryProblem', () => {
  it.each(['@acme', '@acme-corp', '@a1.b_c'])('accepts the scope %s', (scope) => {
    expect(scopeProblem(scope)).toBeUndefined();
  });

  it.each([
    ['', 'A scope is required'],
    ['acme', "The scope 'acme' is not a valid npm scope: it must be '@' then lowercase letters"],
    ['@Acme', "The scope '@Acme' is not a valid npm scope"],
    ['@acme/x', "The scope '@acme/x' is not a valid npm scope"],
  ])('refuses the scope %j', (scope, message) => {
    expect(scopeProblem(scope)).toContain(message);
  });

  it.each([
    'ghcr.io/acme',
    '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    'europe-docker.pkg.dev/acme-prod/services',
    'acme.azurecr.io',
    'localhost:5000/acme',
    'ghcr.io/acme__tools/a-b.c',
  ])('accepts the registry %s', (registry) => {
    expect(registryProblem(registry)).toBeUndefined();
  });

  it.each(['', 'ghcr.io/Acme', 'acme', 'acme/services', 'https://ghcr.io/acme', 'ghcr.io/<owner>'])(
    'refuses the registry %j',
    (registry) => {
      expect(registryProblem(registry)).toMatch(/registry/);
    },
  );
});

describe('checkInitAnswers', () => {
  it('accepts a valid fork of the untouched template, with the product name from its scope', () => {
    const answers = {
      scope: '@acme-corp',
      registry: 'ghcr.io/acme',
      cloud: 'gcp',
      repository: 'acme/platform',
    };
    expect(checkInitAnswers(answers, readRepoCatalog(root))).toEqual({
      ...answers,
      product: 'acme-corp',
    });
  });

  it('takes a product name of its own, and refuses one that names nothing usable', () => {
    const answers = {
      scope: '@acme',
      registry: 'ghcr.io/acme',
      cloud: 'aws',
      repository: 'acme/platform',
    };
    expect(checkInitAnswers({ ...answers, product: 'shop' }, readRepoCatalog(root))).toEqual({
      ...answers,
      product: 'shop',
    });
    expect(() =>
      checkInitAnswers({ ...answers, product: 'Shop_Platform' }, readRepoCatalog(root)),
    ).toThrow(/The product name 'Shop_Platform' is not usable/);
  });

  it("takes the fork's repository from its GitHub origin remote when none is given", () => {
    const fork = createFixtureRepo();
    try {
      execFileSync('git', ['init', '--quiet'], { cwd: fork });
      execFileSync('git', ['remote', 'add', 'origin', 'git@github.com:acme/platform.git'], {
        cwd: fork,
      });
      const answers = { scope: '@acme', registry: 'ghcr.io/acme', cloud: 'aws' };
      expect(checkInitAnswers(answers, readRepoCatalog(fork)).repository).toBe('acme/platform');
    } finally {
      rmSync(fork, { recursive: true, force: true });
    }
  });

  it('refuses a fork whose repository it cannot tell, and one that is not <owner>/<name>', () => {
    const answers = { scope: '@acme', registry: 'ghcr.io/acme', cloud: 'aws' };
    expect(() => checkInitAnswers(answers, readRepoCatalog(root))).toThrow(
      "Init cannot tell this fork's GitHub repository (no 'origin' remote on github.com): pass --repository <owner>/<name>",
    );
    expect(() =>
      checkInitAnswers({ ...answers, repository: 'acme' }, readRepoCatalog(root)),
    ).toThrow("The repository 'acme' is not a GitHub repository: it must be");
  });

  it('lists every problem at once', () => {
    const check = () =>
      checkInitAnswers({ scope: 'acme', registry: 'x', cloud: 'mars' }, readRepoCatalog(root));
    expect(check).toThrow(/The scope 'acme' is not a valid npm scope/);
    expect(check).toThrow(/The registry 'x' is not an image registry path/);
    expect(check).toThrow(/The cloud 'mars' is not supported: choose one of aws, gcp, azure/);
  });

  it('refuses to run on a repository that was already initialized', () => {
    const initialized = createFixtureRepo();
    writeFileSync(
      join(initialized, 'platform.json'),
      JSON.stringify({ scope: '@acme', registry: 'ghcr.io/acme', cloud: 'gcp', initialized: true }),
    );
    try {
      expect(() =>
        checkInitAnswers(
          { scope: '@beta', registry: 'ghcr.io/beta', cloud: 'gcp' },
          readRepoCatalog(initialized),
        ),
      ).toThrow('This repository was already initialized (platform.json: scope @acme, cloud gcp)');
    } finally {
      rmSync(initialized, { recursive: true, force: true });
    }
  });
});
