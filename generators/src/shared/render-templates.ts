import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import { stringify } from 'yaml';
import type { PlannedFile } from './change-plan.ts';

const words = (name: string) => name.split(/[^a-zA-Z0-9]+/).filter((w) => w !== '');
const capitalize = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

/** The helpers every template can use, named for what they produce. */
export const templateHelpers = {
  /** `user-profile` → `USER_PROFILE` (environment variables). */
  constantCase: (name: string) => words(name).join('_').toUpperCase(),
  /** `user-profile` → `userProfile` (variables, functions). */
  camelCase: (name: string) =>
    words(name)
      .map((w, i) => (i === 0 ? w.toLowerCase() : capitalize(w.toLowerCase())))
      .join(''),
  /** `user-profile` → `UserProfile` (types). */
  pascalCase: (name: string) =>
    words(name)
      .map((w) => capitalize(w.toLowerCase()))
      .join(''),
  /** Any value as JSON (package.json fields). */
  json: (value: unknown) => JSON.stringify(value),
  /** A string as a TypeScript literal, quoted the way the formatter would (single by default). */
  tsString: (value: string) => {
    const escaped = value.replaceAll('\\', '\\\\');
    const singles = value.split("'").length - 1;
    const doubles = value.split('"').length - 1;
    return singles > doubles
      ? `"${escaped.replaceAll('"', '\\"')}"`
      : `'${escaped.replaceAll("'", "\\'")}'`;
  },
  /** A list of names as a YAML flow sequence: `[orders, users]`. */
  flowList: (names: readonly string[]) => `[${names.join(', ')}]`,
  /** A string as a YAML scalar: plain when that is safe, quoted otherwise. */
  yamlString: (value: string) => stringify(value, { lineWidth: 0 }).trimEnd(),
};

const handlebars = Handlebars.create();
for (const [name, helper] of Object.entries(templateHelpers)) {
  handlebars.registerHelper(name, helper);
}

/**
 * Renders one template. Templates produce code, not HTML: nothing is escaped, and a
 * field the data does not have is an error rather than an empty string.
 * @example renderTemplate('export const name = {{tsString name}};', { name: 'billing' })
 */
export function renderTemplate(template: string, data: object): string {
  return handlebars.compile(template, { noEscape: true, strict: true })(data);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/**
 * Renders every `*.hbs` file of a template folder, paths included (a folder may be named
 * `{{name}}`), into the files of a new folder.
 * @throws Error naming a file without the `.hbs` suffix: every template file is a template.
 * @example renderTemplateFolder('generators/templates/service', view)
 */
export function renderTemplateFolder(folder: string, data: object): PlannedFile[] {
  return listFiles(folder)
    .sort()
    .map((file) => {
      const path = relative(folder, file).split(sep).join('/');
      if (!path.endsWith('.hbs')) {
        throw new Error(
          `${file} is not a template: every file under a template folder ends in .hbs`,
        );
      }
      return {
        path: renderTemplate(path.slice(0, -'.hbs'.length), data),
        content: renderTemplate(readFileSync(file, 'utf8'), data),
      };
    });
}
