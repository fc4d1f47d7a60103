import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, renderTemplateFolder, templateHelpers } from './render-templates.ts';

describe('templateHelpers', () => {
  it.each([
    ['constantCase', 'user-profile', 'USER_PROFILE'],
    ['camelCase', 'user-profile', 'userProfile'],
    ['pascalCase', 'user-profile', 'UserProfile'],
    ['tsString', 'The billing service.', "'The billing service.'"],
    ['tsString', "It's billing", `"It's billing"`],
    ['tsString', 'say "hi" and it\'s done', `'say "hi" and it\\'s done'`],
    ['yamlString', 'The billing service.', 'The billing service.'],
    ['yamlString', '@acme/payments', '"@acme/payments"'],
    ['yamlString', 'Bills: monthly', '"Bills: monthly"'],
  ] as const)('%s turns %j into %s', (helper, input, output) => {
    expect(templateHelpers[helper](input)).toBe(output);
  });

  it('writes a flow list and JSON', () => {
    expect(templateHelpers.flowList(['orders', 'users'])).toBe('[orders, users]');
    expect(templateHelpers.json('a "quoted" text')).toBe('"a \\"quoted\\" text"');
  });
});

describe('renderTemplate', () => {
  it('escapes nothing, since templates produce code', () => {
    expect(renderTemplate("const a = '{{value}}';", { value: '<b> & "c"' })).toBe(
      `const a = '<b> & "c"';`,
    );
  });

  it('fails on a field the data does not have instead of writing an empty string', () => {
    expect(() => renderTemplate('{{nmae}}', { name: 'billing' })).toThrow(/nmae/);
  });
});

describe('renderTemplateFolder', () => {
  it('renders paths and contents of every .hbs file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    mkdirSync(join(dir, 'src/{{name}}'), { recursive: true });
    writeFileSync(join(dir, 'src/{{name}}/index.ts.hbs'), "export const name = '{{name}}';\n");
    try {
      expect(renderTemplateFolder(dir, { name: 'money' })).toEqual([
        { path: 'src/money/index.ts', content: "export const name = 'money';\n" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a file that is not a template', () => {
    const dir = mkdtempSync(join(tmpdir(), 'templates-'));
    writeFileSync(join(dir, 'README.md'), '# x\n');
    try {
      expect(() => renderTemplateFolder(dir, {})).toThrow(
        'every file under a template folder ends in .hbs',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
