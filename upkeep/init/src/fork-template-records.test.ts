import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesFolder, templateTreeId } from '@slipway/generators';
import { repositoryOf as repo } from '../test/repository-of.ts';
import { forkTemplateRecords } from './fork-template-records.ts';

const record = (version: string) =>
  `{\n  "template": "service",\n  "version": "${version}",\n  "answers": { "name": "orders" }\n}\n`;

describe('forkTemplateRecords', () => {
  it("moves a record at the templates' version to the renamed templates' version, and no other", () => {
    const template = `${templatesFolder}/service/package.json.hbs`;
    const root = repo({ [template]: '{ "name": "@slipway/{{name}}" }\n' });
    const before = templateTreeId(join(root, templatesFolder));
    const renamedTemplate = { path: template, content: '{ "name": "@acme/{{name}}" }\n' };
    const expected = repo({ [template]: renamedTemplate.content });

    const files = forkTemplateRecords(
      root,
      [
        renamedTemplate,
        { path: 'apps/orders/.acme/template.json', content: record(before) },
        { path: 'apps/legacy/.acme/template.json', content: record('0'.repeat(40)) },
      ],
      ['apps/orders/.slipway/template.json'],
    );

    const after = templateTreeId(join(expected, templatesFolder));
    expect(after).not.toBe(before);
    expect(files[1]?.content).toBe(record(after));
    // A service that lagged before init keeps its version: sync still owes it that change.
    expect(files[2]?.content).toBe(record('0'.repeat(40)));
    expect(files[0]).toEqual(renamedTemplate);
  });

  it('counts a removal under the templates folder', () => {
    const root = repo({
      [`${templatesFolder}/service/a.txt`]: 'a\n',
      [`${templatesFolder}/service/gone.txt`]: 'gone\n',
    });
    const before = templateTreeId(join(root, templatesFolder));
    const expected = repo({ [`${templatesFolder}/service/a.txt`]: 'a\n' });

    const [moved] = forkTemplateRecords(
      root,
      [{ path: 'apps/orders/.acme/template.json', content: record(before) }],
      [`${templatesFolder}/service/gone.txt`],
    );

    expect(moved?.content).toBe(record(templateTreeId(join(expected, templatesFolder))));
  });
});
