/** One Dockerfile instruction, continuation lines joined. */
interface DockerInstruction {
  /** Upper-cased keyword, e.g. `FROM`, `RUN`. */
  readonly keyword: string;
  /** Everything after the keyword, trimmed. */
  readonly args: string;
  /** 1-based line where the instruction starts. */
  readonly line: number;
}

/** One build stage: its FROM line, optional `AS` name and its instructions (FROM included). */
export interface DockerStage {
  readonly index: number;
  readonly name?: string;
  /** The image or stage after FROM, as written (ARGs not substituted). */
  readonly from: string;
  readonly instructions: readonly DockerInstruction[];
}

/** A parsed Dockerfile: the ARGs declared before the first FROM and the stages. */
export interface ParsedDockerfile {
  readonly globalArgs: Readonly<Record<string, string>>;
  readonly stages: readonly DockerStage[];
  readonly instructions: readonly DockerInstruction[];
}

/**
 * Splits a Dockerfile into instructions (comments dropped, `\` continuations joined) and stages.
 * It is the small subset of the grammar the image rules need, not a full BuildKit parser.
 * @example parseDockerfile(text).stages.length // 4
 */
export function parseDockerfile(text: string): ParsedDockerfile {
  const instructions: DockerInstruction[] = [];
  const lines = text.split(/\r?\n/);
  let buffer = '';
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    if (buffer === '' && (trimmed === '' || trimmed.startsWith('#'))) continue;
    if (buffer !== '' && trimmed.startsWith('#')) continue; // comment inside a continuation
    if (buffer === '') start = i + 1;
    if (trimmed.endsWith('\\')) {
      buffer += `${trimmed.slice(0, -1)} `;
      continue;
    }
    buffer += trimmed;
    const match = /^(\S+)\s*(.*)$/s.exec(buffer);
    if (match) {
      instructions.push({
        keyword: (match[1] ?? '').toUpperCase(),
        args: (match[2] ?? '').trim(),
        line: start,
      });
    }
    buffer = '';
  }
  const globalArgs: Record<string, string> = {};
  const stages: DockerStage[] = [];
  let current: { name?: string; from: string; instructions: DockerInstruction[] } | undefined;
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      if (current) stages.push({ index: stages.length, ...current });
      const parts = instruction.args.split(/\s+/).filter((p) => !p.startsWith('--'));
      const asIndex = parts.findIndex((p) => p.toUpperCase() === 'AS');
      current = {
        from: parts[0] ?? '',
        ...(asIndex > 0 && parts[asIndex + 1] ? { name: parts[asIndex + 1] } : {}),
        instructions: [instruction],
      };
      continue;
    }
    if (!current) {
      if (instruction.keyword === 'ARG') {
        const [name, ...rest] = instruction.args.split('=');
        if (name) globalArgs[name.trim()] = unquote(rest.join('=').trim());
      }
      continue;
    }
    current.instructions.push(instruction);
  }
  if (current) stages.push({ index: stages.length, ...current });
  return { globalArgs, stages, instructions };
}

function unquote(value: string): string {
  return value.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1');
}

/**
 * Substitutes `$NAME` and `${NAME}` from a set of ARG values; unknown names stay as written.
 * @example expandArgs('turbo@${TURBO_VERSION}', { TURBO_VERSION: '2.11.11' }) // 'turbo@2.11.11'
 */
export function expandArgs(value: string, args: Readonly<Record<string, string>>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (all, a, b) => {
      const name = (a ?? b) as string;
      return args[name] ?? all;
    },
  );
}

/**
 * Parses an exec-form (JSON array) CMD or ENTRYPOINT; `undefined` for shell form.
 * @example execForm('["node", "dist/index.js"]') // ['node', 'dist/index.js']
 */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')
      ? parsed
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The variables a stage's ENV instructions set, in order (`ENV A=1 B="x y"` and the legacy
 * `ENV A 1` form); ARGs are not substituted.
 * @example stageEnv(final).NODE_ENV // 'production'
 */
export function stageEnv(stage: DockerStage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { keyword, args } of stage.instructions) {
    if (keyword !== 'ENV') continue;
    const legacy = /^([A-Za-z_][A-Za-z0-9_]*)\s+([^=]*)$/.exec(args);
    if (legacy?.[1]) {
      env[legacy[1]] = unquote((legacy[2] ?? '').trim());
      continue;
    }
    for (const [, name, value] of args.matchAll(
      /([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g,
    )) {
      if (name) env[name] = unquote(value ?? '');
    }
  }
  return env;
}
