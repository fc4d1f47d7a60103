import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Node runs the repository's TypeScript itself: one way, with no loader (tsx, a bundle-then-
// import helper, a resolve hook) coming back, and every relative import naming the file it loads.
const root = join(import.meta.dirname, '../..');
const sourceCondition = '--conditions=@slipway/source';
// `--import @slipway/service-kit/tracing` (or its bundle, `./dist/tracing.js`, which `npm start`
// and the image load) is no loader: it starts OpenTelemetry before the service's modules
// (docs/observability.md), and loads the service's TypeScript no differently.
const loaders =
  /\btsx\b|@slipway\/run-source|register-source|--import[= ](?!data:|@slipway\/service-kit\/tracing\b|\.\/dist\/tracing\.js\b)/;

const tracked = (...patterns: string[]) =>
  execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...patterns], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file !== '' && existsSync(join(root, file)));

interface PackageJson {
  readonly scripts?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** Every relative specifier in an import position of `code`, in source order. */
export function relativeImports(code: string): string[] {
  const positions = [
    /^\s*(?:import|export|\})[^'"\n]*\bfrom\s*(['"])(\.{1,2}\/[^'"\n]+)\1/gm,
    /^\s*import\s*(['"])(\.{1,2}\/[^'"\n]+)\1/gm,
    /\bimport\(\s*(['"])(\.{1,2}\/[^'"\n]+)\1\s*\)/g,
    /\bvi\.(?:mock|doMock|importActual)(?:<[^>]*>)?\(\s*(['"])(\.{1,2}\/[^'"\n]+)\1/g,
  ];
  return positions.flatMap((pattern) => [...code.matchAll(pattern)].map((match) => match[2] ?? ''));
}

describe('Node runs the TypeScript, with no loader', () => {
  it('has no package.json that depends on or runs tsx, run-source or a loader hook', () => {
    const offenders = tracked('package.json', '*/package.json', '*/*/package.json').flatMap(
      (file) => {
        const pkg = JSON.parse(readFileSync(join(root, file), 'utf8')) as PackageJson;
        const dependencies = { ...pkg.dependencies, ...pkg.devDependencies };
        return [
          ...Object.keys(dependencies).filter((name) => loaders.test(name)),
          ...Object.values(pkg.scripts ?? {}).filter((script) => loaders.test(script)),
        ].map((what) => `${file}: ${what}`);
      },
    );
    expect(offenders).toEqual([]);
  });

  it('starts every Pulumi program with the source condition only', () => {
    const programs = tracked('infra/*/Pulumi.yaml');
    expect(programs.length).toBeGreaterThan(0);
    for (const file of programs) {
      const project = parse(readFileSync(join(root, file), 'utf8')) as {
        runtime: { options: { nodeargs?: string; typescript?: boolean } };
      };
      expect(project.runtime.options, file).toMatchObject({
        nodeargs: sourceCondition,
        typescript: false,
      });
    }
  });

  it('runs TypeScript in the workflows with node and the source condition', () => {
    const workflows = readdirSync(join(root, '.github/workflows')).map((name) =>
      readFileSync(join(root, '.github/workflows', name), 'utf8'),
    );
    const runs = workflows.flatMap((text) => text.match(/^.*\bnode\b[^\n]*\.ts\b.*$/gm) ?? []);
    expect(runs.length).toBeGreaterThan(0);
    expect(runs.filter((line) => loaders.test(line) || !line.includes(sourceCondition))).toEqual(
      [],
    );
  });

  it('gives every process npm starts the source condition, from .npmrc', () => {
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const resolved = execFileSync(
      'npm',
      ['exec', '--offline', '--', 'node', '--input-type=module', '-e', probe],
      { cwd: root, encoding: 'utf8', env },
    ).trim();
    expect(resolved).toBe(join(root, 'packages/platform-contract/src/index.ts'));
  });
});

const probe = `import { fileURLToPath } from 'node:url';
console.log(fileURLToPath(import.meta.resolve('@slipway/platform-contract')));`;

describe('relative imports', () => {
  it('name the TypeScript file they load, which exists', () => {
    // This file's own samples below are code in strings, not imports.
    const self = relative(root, import.meta.filename);
    const files = tracked('*.ts', '*.mts').filter(
      (file) => !file.endsWith('.d.ts') && file !== self,
    );
    expect(files.length).toBeGreaterThan(400);
    const broken = files.flatMap((file) =>
      relativeImports(readFileSync(join(root, file), 'utf8'))
        .filter(
          (specifier) =>
            !/\.(ts|mts|json)$/.test(specifier) ||
            !existsSync(resolve(root, dirname(file), specifier)),
        )
        .map((specifier) => `${file}: ${specifier}`),
    );
    expect(broken).toEqual([]);
  });

  it('are found in static imports, re-exports, import() and vi.mock, not in strings of code', () => {
    const code = [
      "import { a } from './a.ts';",
      "export * from '../b.js';",
      '} from "./c.ts";',
      "import './side-effect.ts';",
      "const d = await import('./d.ts');",
      "vi.mock('./e.js', () => ({}));",
      'const text = "import { f } from \'./f.js\';";',
      "import { g } from '@scope/g';",
    ].join('\n');
    expect(relativeImports(code).sort()).toEqual(
      ['../b.js', './a.ts', './c.ts', './d.ts', './e.js', './side-effect.ts'].sort(),
    );
  });
});
