import { describe, expect, it } from 'vitest';
import { renderTemplate, renderTemplateFolder, templateHelpers } from './render-templates.ts';
import { memoryFiles } from './repo-files.ts';

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
    const templates = memoryFiles({
      'package/src/{{name}}/index.ts.hbs': "export const name = '{{name}}';\n",
    });
    expect(renderTemplateFolder(templates, 'package', { name: 'money' })).toEqual([
      { path: 'src/money/index.ts', content: "export const name = 'money';\n" },
    ]);
  });

  it('refuses a file that is not a template', () => {
    const templates = memoryFiles({ 'package/README.md': '# x\n' });
    expect(() => renderTemplateFolder(templates, 'package', {})).toThrow(
      'every file under a template folder ends in .hbs',
    );
  });
});
