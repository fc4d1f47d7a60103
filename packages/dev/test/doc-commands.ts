import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';

/** A workspace (or the root, dir '.') and its npm scripts. */
export interface Package {
  readonly name: string;
  readonly dir: string;
  readonly scripts: Readonly<Record<string, string>>;
}

/** What a doc's commands are checked against. */
export interface DocFacts {
  readonly packages: readonly Package[];
  /** slipway-dev's options, as its --help lists them: `--inspect`, `-h`… */
  readonly devFlags: ReadonlySet<string>;
  /** The variables slipway-dev reads, allowed before a command that runs it. */
  readonly devVariables: ReadonlySet<string>;
  /** The variables turbo hands to the test tasks, allowed before `npm test`. */
  readonly testVariables: ReadonlySet<string>;
}

/** A command a doc shows, and the folder it runs in. */
interface Command {
  readonly text: string;
  readonly cwd: string;
}

/**
 * Reads the root package.json and every workspace it declares (`dir/*` patterns and plain folders).
 * @example const packages = readPackages('/work/slipway');
 */
export function readPackages(repoRoot: string): Package[] {
  const read = (dir: string): Package => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as {
      name?: string;
      scripts?: Record<string, string>;
      workspaces?: string[];
    };
    return { name: pkg.name ?? dir, dir, scripts: pkg.scripts ?? {} };
  };
  const root = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  const dirs = (root.workspaces ?? []).flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [pattern];
    const parent = pattern.slice(0, -2);
    return readdirSync(join(repoRoot, parent)).map((child) => `${parent}/${child}`);
  });
  return [
    read('.'),
    ...dirs.filter((dir) => existsSync(join(repoRoot, dir, 'package.json'))).map(read),
  ];
}

/** The commands of a Markdown text: `sh` blocks' lines, `$ ` lines, inline code that runs one. */
function commandsOf(markdown: string): Command[] {
  const commands: Command[] = [];
  for (const block of markdown.matchAll(/```(\w*)\n([\s\S]*?)```/g)) {
    let cwd = '.';
    for (const raw of (block[2] ?? '').split('\n')) {
      const prompt = raw.startsWith('$ ');
      if (block[1] !== 'sh' && !prompt) continue;
      const line = raw
        .replace(/^\$ /, '')
        .replace(/\s+#.*$/, '')
        .trim();
      const cd = /^cd (\S+)$/.exec(line);
      if (cd?.[1]) cwd = normalize(join(cwd, cd[1]));
      else if (line !== '') commands.push({ text: line, cwd });
    }
  }
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const span of prose.matchAll(/`([^`\n]+)`/g)) {
    const text = span[1] ?? '';
    if (/^(?:[A-Z_]+=\S+ )*(?:cd \S+ && )?(?:npm|npx|slipway-dev)\s/.test(text)) {
      commands.push({ text, cwd: '.' });
    }
  }
  return commands;
}

/**
 * Checks every command a doc shows: each `npm run <script>` (and `npm test`, `npm start`) names a
 * script of the package it runs in; each flag handed to slipway-dev is one of its options; each
 * variable set before a command is one that command reads; and every flag named in the prose,
 * and every `SLIPWAY_*` variable, is slipway-dev's or used by a command of the doc.
 * @returns one line per problem; empty when the doc is right.
 * @example expect(checkDocCommands(readFileSync('docs/testing.md', 'utf8'), facts)).toEqual([]);
 */
export function checkDocCommands(markdown: string, facts: DocFacts): string[] {
  const problems: string[] = [];
  const usedFlags = new Set<string>();
  const commands = commandsOf(markdown);
  for (const { text, cwd: start } of commands) {
    let cwd = start;
    for (const segment of text.split('&&').map((part) => part.trim())) {
      const cd = /^cd (\S+)$/.exec(segment);
      if (cd?.[1]) {
        cwd = normalize(join(cwd, cd[1]));
        continue;
      }
      const words = segment.split(/\s+/);
      const first = words.findIndex((word) => !isAssignment(word));
      const variables = words.slice(0, first === -1 ? words.length : first);
      const [tool, ...args] = words.slice(variables.length);
      const runsDev = checkCommand(tool, args, cwd, segment, facts, problems, usedFlags);
      for (const variable of variables.map((word) => word.split('=')[0] ?? '')) {
        const allowed = runsDev ? facts.devVariables : facts.testVariables;
        if (!allowed.has(variable)) {
          problems.push(`\`${segment}\` sets ${variable}, which that command does not read`);
        }
      }
    }
  }
  const prose = markdown.replace(/```[\s\S]*?```/g, '');
  for (const span of prose.matchAll(/`(--?[a-z][\w-]*)[^`]*`/g)) {
    const flag = span[1] ?? '';
    if (!facts.devFlags.has(flag) && !usedFlags.has(flag)) {
      problems.push(
        `\`${span[0].slice(1, -1)}\`: slipway-dev has no ${flag}, nor does a command here use it`,
      );
    }
  }
  for (const variable of new Set(markdown.match(/\bSLIPWAY_[A-Z_]+\b/g))) {
    if (!facts.devVariables.has(variable) && !facts.testVariables.has(variable)) {
      problems.push(`${variable}: neither slipway-dev nor a test task reads such a variable`);
    }
  }
  return problems;
}

function isAssignment(word: string): boolean {
  return /^[A-Z_][A-Z0-9_]*=/.test(word);
}

/** Checks one command; returns whether it runs slipway-dev (directly or through npm/turbo). */
function checkCommand(
  tool: string | undefined,
  args: string[],
  cwd: string,
  segment: string,
  facts: DocFacts,
  problems: string[],
  usedFlags: Set<string>,
): boolean {
  const checkDevFlags = (flags: string[]) => {
    for (const flag of flags.filter((word) => word.startsWith('-'))) {
      const name = flag.split('=')[0] ?? flag;
      if (!facts.devFlags.has(name)) problems.push(`\`${segment}\`: slipway-dev has no ${name}`);
    }
  };
  if (tool === 'slipway-dev' || (tool === 'npx' && args[0] === 'slipway-dev')) {
    checkDevFlags(tool === 'npx' ? args.slice(1) : args);
    return true;
  }
  const split = args.indexOf('--');
  const own = split === -1 ? args : args.slice(0, split);
  const passed = split === -1 ? [] : args.slice(split + 1);
  if (tool !== 'npm') {
    for (const word of args.filter((arg) => arg.startsWith('--'))) {
      usedFlags.add(word.split('=')[0] ?? word);
    }
    return false;
  }
  const script = own[0] === 'run' || own[0] === 'run-script' ? own[1] : own[0];
  if (script === undefined || !['run', 'run-script', 'test', 'start'].includes(own[0] ?? '')) {
    return false;
  }
  const flagAt = own.findIndex((word) => word === '--workspace' || word === '-w');
  const inline = own.find((word) => word.startsWith('--workspace='))?.slice('--workspace='.length);
  const workspace = inline ?? (flagAt === -1 ? undefined : own[flagAt + 1]);
  const pkg = facts.packages.find((candidate) =>
    workspace === undefined
      ? candidate.dir === cwd
      : candidate.name === workspace || candidate.dir === normalize(workspace),
  );
  const command = pkg?.scripts[script];
  if (!pkg || command === undefined) {
    problems.push(
      `\`${segment}\`: ${pkg ? `'${pkg.name}'` : 'no package'} has no script '${script}'`,
    );
    return false;
  }
  if (command.startsWith('slipway-dev')) {
    checkDevFlags(passed);
    return true;
  }
  // The root's dev script is turbo (through scripts/run-dev.js, which passes every argument on):
  // its own flags come first, then `--` and slipway-dev's.
  const second = passed.indexOf('--');
  const turboFlags = second === -1 ? passed : passed.slice(0, second);
  for (const word of turboFlags) usedFlags.add(word.split('=')[0] ?? word);
  if (/^(turbo run dev|node scripts\/run-dev\.js)\b/.test(command)) {
    checkDevFlags(second === -1 ? [] : passed.slice(second + 1));
    return true;
  }
  return false;
}
