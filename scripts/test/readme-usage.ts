import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { listWorkspaceDirs } from '@slipway/platform-contract';

/**
 * Every workspace's README has a `## Usage` section with an example, and the example is true as
 * far as a machine can tell: what it imports from a workspace package, that package exports;
 * the `npm run` scripts it names exist.
 */

/** A workspace as the checks see it. */
export interface UsageWorkspace {
  /** Repository-relative, forward slashes: `packages/config`. */
  readonly dir: string;
  readonly name: string;
  readonly scripts: readonly string[];
  /** README.md's text; undefined when there is none. */
  readonly readme: string | undefined;
  /** The names an entry point exports (`.`, `./testing`); undefined when it has no such entry. */
  readonly exportsOf: (subpath: string) => ReadonlySet<string> | undefined;
}

const fence = /^(```|~~~)/;

/** The `## Usage` section's text, without its heading; undefined when there is none. */
export function usageSection(markdown: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^## Usage\s*$/.test(line));
  if (start < 0) return undefined;
  const section: string[] = [];
  let inFence = false;
  for (const line of lines.slice(start + 1)) {
    if (fence.test(line)) inFence = !inFence;
    if (!inFence && /^#{1,2} /.test(line)) break;
    section.push(line);
  }
  return section.join('\n');
}

/** The fenced code blocks of a markdown text. */
function codeBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^(```|~~~)[^\n]*\n([\s\S]*?)^\1\s*$/gm)].map((m) => m[2] ?? '');
}

/** `import { a, type B, c as d } from 'x'` → x and [a, B, c]. */
function namedImports(code: string): { specifier: string; names: string[] }[] {
  return [...code.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]+)['"]/g)].map(
    (m) => ({
      specifier: m[2] ?? '',
      names: (m[1] ?? '')
        .split(',')
        .map(
          (part) =>
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)[0] ?? '',
        )
        .filter(Boolean),
    }),
  );
}

function workspaceNamed(nameOrDir: string, workspaces: readonly UsageWorkspace[]) {
  const trimmed = nameOrDir.replace(/^\.\//, '').replace(/\/$/, '');
  return workspaces.find((w) => w.name === trimmed || w.dir === trimmed);
}

function importProblems(
  file: string,
  code: string,
  workspaces: readonly UsageWorkspace[],
): string[] {
  const problems: string[] = [];
  for (const { specifier, names } of namedImports(code)) {
    const owner = workspaces.find(
      (w) => specifier === w.name || specifier.startsWith(`${w.name}/`),
    );
    if (!owner) continue;
    const subpath = `.${specifier.slice(owner.name.length)}`;
    const exported = owner.exportsOf(subpath);
    if (!exported) {
      problems.push(`${file}: imports '${specifier}', which ${owner.name} does not export`);
      continue;
    }
    for (const name of names.filter((n) => !exported.has(n))) {
      problems.push(`${file}: imports ${name} from '${specifier}', which does not export it`);
    }
  }
  return problems;
}

function scriptProblems(
  file: string,
  code: string,
  own: UsageWorkspace,
  rootScripts: readonly string[],
  workspaces: readonly UsageWorkspace[],
): string[] {
  const problems: string[] = [];
  for (const command of code.split(/\n|&&|\|\||;|\|/)) {
    const script = /\bnpm run ([\w:.-]+)/.exec(command)?.[1];
    if (!script) continue;
    const target = /(?:--workspace[= ]|-w )(\S+)/.exec(command)?.[1];
    if (target) {
      const workspace = workspaceNamed(target, workspaces);
      if (!workspace?.scripts.includes(script)) {
        problems.push(`${file}: \`npm run ${script}\` names a script ${target} does not have`);
      }
    } else if (!own.scripts.includes(script) && !rootScripts.includes(script)) {
      problems.push(
        `${file}: \`npm run ${script}\` names a script neither ${own.dir} nor the root has`,
      );
    }
  }
  return problems;
}

/**
 * Every problem of the workspaces' READMEs, one line each; `[]` when each has a true usage.
 * @example readmeUsageProblems(readUsageWorkspaces(root), rootScripts)
 */
export function readmeUsageProblems(
  workspaces: readonly UsageWorkspace[],
  rootScripts: readonly string[],
): string[] {
  return workspaces.flatMap((workspace) => {
    const file = `${workspace.dir}/README.md`;
    if (workspace.readme === undefined) return [`${file}: missing; a workspace has a README`];
    const usage = usageSection(workspace.readme);
    if (usage === undefined) return [`${file}: no "## Usage" section`];
    const blocks = codeBlocks(usage);
    if (blocks.length === 0) return [`${file}: "## Usage" shows no example (a fenced code block)`];
    return blocks.flatMap((code) => [
      ...importProblems(file, code, workspaces),
      ...scriptProblems(file, code, workspace, rootScripts, workspaces),
    ]);
  });
}

/** The names a TypeScript module exports, following `export * from`. */
export function exportedNames(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file) || !existsSync(file)) return names;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^export\s+(?:type\s+)?\{([^}]*)\}/gm)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  const declared =
    /^export\s+(?:declare\s+)?(?:default\s+)?(?:async\s+)?(?:abstract\s+)?(?:function\*?|const|let|var|class|interface|type|enum)\s+([\w$]+)/gm;
  for (const m of text.matchAll(declared)) if (m[1]) names.add(m[1]);
  if (/^export\s+default\b/m.test(text)) names.add('default');
  for (const m of text.matchAll(/^export\s+\*\s+as\s+([\w$]+)\s+from/gm)) if (m[1]) names.add(m[1]);
  for (const m of text.matchAll(/^export\s+\*\s+from\s+['"](\.[^'"]+)['"]/gm)) {
    const target = join(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'));
    for (const name of exportedNames(target, seen)) names.add(name);
  }
  return names;
}

type ExportTarget = string | { readonly [condition: string]: ExportTarget };

/** The source file of an export target: the `@slipway/source` condition, else the default. */
function sourceOf(target: ExportTarget | undefined): string | undefined {
  if (target === undefined || typeof target === 'string') return target;
  return sourceOf(target['@slipway/source'] ?? target.default);
}

/** Every workspace the root package.json declares, with its README and export names. */
export function readUsageWorkspaces(root: string): UsageWorkspace[] {
  return listWorkspaceDirs(root).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
      name: string;
      scripts?: Record<string, string>;
      exports?: Record<string, ExportTarget>;
    };
    const readmeFile = join(root, dir, 'README.md');
    return {
      dir,
      name: pkg.name,
      scripts: Object.keys(pkg.scripts ?? {}),
      readme: existsSync(readmeFile) ? readFileSync(readmeFile, 'utf8') : undefined,
      exportsOf: (subpath) => {
        const source = sourceOf(pkg.exports?.[subpath]);
        return source ? exportedNames(join(root, dir, source)) : undefined;
      },
    };
  });
}
