import { type DockerStage, execForm, expandArgs, parseDockerfile, stageEnv } from './dockerfile.ts';

/** One broken image rule, with the line it concerns when there is one. */
export interface DockerfileProblem {
  readonly rule: string;
  readonly message: string;
  readonly line?: number;
}

/** Options for {@link checkDockerfile}. */
export interface DockerfileRuleOptions {
  /** The turbo version the repository uses; `turbo prune` must run exactly it. */
  readonly turboVersion?: string;
  /** The Node major the repository runs on (.nvmrc); every `node` base image must be on it. */
  readonly nodeMajor?: number;
  /**
   * Where the running container may write: the pod has a read-only root filesystem and an
   * emptyDir on /tmp. Default `['/tmp']`; NODE_COMPILE_CACHE must lie under one of them.
   */
  readonly writablePaths?: readonly string[];
  /** The lowest uid/gid the final USER may have. Default 10000 (infra runs as 10001). */
  readonly minUserId?: number;
}

const digestPattern = /^[a-z0-9][a-z0-9._/-]*:([A-Za-z0-9][A-Za-z0-9._-]*)@sha256:[0-9a-f]{64}$/;
// The official Node image, however it is spelled, and the major its tag starts with.
const nodeImagePattern =
  /^(?:(?:docker\.io|index\.docker\.io)\/)?(?:library\/)?node(?::([^@\s]*))?(?:@\S+)?$/;
const tlsBypassPatterns: readonly [RegExp, string][] = [
  [/NODE_TLS_REJECT_UNAUTHORIZED/, 'NODE_TLS_REJECT_UNAUTHORIZED'],
  [/strict[-_]ssl\s*[= ]\s*false/i, 'npm strict-ssl=false'],
  [/--no-check-certificate/, 'wget --no-check-certificate'],
  [/(?:^|\s)(?:curl\b[^\n]*\s(?:-k|--insecure))(?:\s|$)/, 'curl --insecure'],
  [/GIT_SSL_NO_VERIFY|http\.sslVerify\s*[= ]\s*false/i, 'git TLS verification off'],
  [/--trusted-host/, 'pip --trusted-host'],
];

function installsWithoutOmitDev(stage: DockerStage): boolean {
  return stage.instructions.some(
    (i) =>
      i.keyword === 'RUN' &&
      /\bnpm\s+(ci|install|i)\b/.test(i.args) &&
      !/--omit[= ]dev\b|--production\b/.test(i.args),
  );
}

/**
 * Checks a service Dockerfile against the image standard: multi-stage, `turbo prune --docker`,
 * every base image pinned by exact version and digest (and a `node` one on `nodeMajor`), no TLS
 * bypass (hadolint does the general Dockerfile practice, COPY not ADD among it), a final stage that holds production dependencies only, keeps its compile cache
 * on a writable path, runs as a numeric non-root USER (≥ 10000) set after its last RUN, and
 * starts with an exec-form `CMD ["node", …]` so SIGTERM reaches Node.
 * @example expect(checkDockerfile(readFileSync('docker/Dockerfile', 'utf8'))).toEqual([]);
 */
export function checkDockerfile(
  text: string,
  {
    turboVersion,
    nodeMajor,
    writablePaths = ['/tmp'],
    minUserId = 10000,
  }: DockerfileRuleOptions = {},
): DockerfileProblem[] {
  const problems: DockerfileProblem[] = [];
  const parsed = parseDockerfile(text);
  const { stages, globalArgs, instructions } = parsed;
  const stageNames = new Set(stages.flatMap((s) => (s.name ? [s.name] : [])));

  if (stages.length < 2) {
    problems.push({ rule: 'multi-stage', message: 'the image must be built in several stages' });
  }

  const prune = instructions.find(
    (i) => i.keyword === 'RUN' && /\bturbo(@\S+)?\s+prune\b/.test(i.args),
  );
  if (!prune || !/--docker\b/.test(prune.args)) {
    problems.push({
      rule: 'turbo-prune',
      message:
        'a RUN must call `turbo prune <service> --docker` so the image holds only what the service needs',
      line: prune?.line,
    });
  } else if (turboVersion) {
    const stageArgs = { ...globalArgs, ...argsOfStageContaining(stages, prune.line) };
    const version = /\bturbo@(\S+)/.exec(expandArgs(prune.args, stageArgs))?.[1];
    const installed = instructions.find(
      (i) => i.keyword === 'RUN' && /\bturbo@/.test(i.args) && i.line <= prune.line,
    );
    const pinned =
      version ?? /\bturbo@(\S+)/.exec(expandArgs(installed?.args ?? '', stageArgs))?.[1];
    if (pinned?.replace(/["']/g, '') !== turboVersion) {
      problems.push({
        rule: 'turbo-version',
        message: `turbo must be pinned to the repository's version ${turboVersion}, got ${pinned ?? 'none'}`,
        line: prune.line,
      });
    }
  }

  for (const stage of stages) {
    const from = expandArgs(stage.from, globalArgs);
    if (stageNames.has(from)) continue;
    const match = digestPattern.exec(from);
    if (!match || match[1] === 'latest' || !/\d+\.\d+\.\d+/.test(match[1] ?? '')) {
      problems.push({
        rule: 'pinned-base',
        message: `base image ${from} must be pinned to an exact version and a sha256 digest (name:1.2.3-variant@sha256:…)`,
        line: stage.instructions[0]?.line,
      });
    }
    const node = nodeImagePattern.exec(from);
    if (
      node &&
      nodeMajor !== undefined &&
      /^(\d+)/.exec(node[1] ?? '')?.[1] !== String(nodeMajor)
    ) {
      problems.push({
        rule: 'node-line',
        message: `base image ${from} is not on the repository's Node ${nodeMajor} line (.nvmrc)`,
        line: stage.instructions[0]?.line,
      });
    }
  }

  for (const [pattern, label] of tlsBypassPatterns) {
    const hit = instructions.find((i) => pattern.test(i.args));
    if (hit) {
      problems.push({
        rule: 'no-tls-bypass',
        message: `TLS verification is turned off (${label})`,
        line: hit.line,
      });
    }
  }

  const final = stages.at(-1);
  if (!final) return problems;
  const finalInstructions = final.instructions;
  const compileCache = stageEnv(final).NODE_COMPILE_CACHE;
  if (
    compileCache !== undefined &&
    !writablePaths.some((dir) => compileCache === dir || compileCache.startsWith(`${dir}/`))
  ) {
    problems.push({
      rule: 'writable-paths',
      message: `NODE_COMPILE_CACHE=${compileCache} is outside the writable ${writablePaths.join(', ')} (read-only root filesystem)`,
      line: finalInstructions.find((i) => i.keyword === 'ENV' && /NODE_COMPILE_CACHE/.test(i.args))
        ?.line,
    });
  }
  const users = finalInstructions.filter((i) => i.keyword === 'USER');
  const lastUser = users.at(-1);
  const userMatch = lastUser ? /^(\d+)(?::(\d+))?$/.exec(lastUser.args) : null;
  if (!lastUser || !userMatch) {
    problems.push({
      rule: 'non-root-user',
      message:
        'the final stage must set a numeric USER uid:gid (names cannot be checked by runAsNonRoot)',
      line: lastUser?.line,
    });
  } else {
    const uid = Number(userMatch[1]);
    const gid = userMatch[2] === undefined ? uid : Number(userMatch[2]);
    if (uid < minUserId || gid < minUserId) {
      problems.push({
        rule: 'non-root-user',
        message: `USER ${lastUser.args} must use a uid and gid of ${minUserId} or more`,
        line: lastUser.line,
      });
    }
    const laterRun = finalInstructions.find((i) => i.keyword === 'RUN' && i.line > lastUser.line);
    if (laterRun) {
      problems.push({
        rule: 'user-last',
        message: "USER must come after the final stage's last RUN",
        line: laterRun.line,
      });
    }
  }

  const cmd = finalInstructions.filter((i) => i.keyword === 'CMD').at(-1);
  const cmdArgs = cmd ? execForm(cmd.args) : undefined;
  if (!cmd || !cmdArgs || cmdArgs[0] !== 'node') {
    problems.push({
      rule: 'exec-form-cmd',
      message:
        'the final stage must start with an exec-form CMD ["node", …] so SIGTERM reaches Node',
      line: cmd?.line,
    });
  }
  const entrypoint = finalInstructions.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
  if (entrypoint) {
    problems.push({
      rule: 'exec-form-cmd',
      message: 'no ENTRYPOINT: a wrapper would sit between the container runtime and Node',
      line: entrypoint.line,
    });
  }

  if (installsWithoutOmitDev(final)) {
    problems.push({
      rule: 'production-deps-only',
      message: 'the final stage installs dependencies without --omit=dev',
    });
  }
  for (const copy of finalInstructions.filter((i) => i.keyword === 'COPY')) {
    const fromStage = /--from=(\S+)/.exec(copy.args)?.[1];
    const source = stages.find((s) => s.name === fromStage || String(s.index) === fromStage);
    if (/node_modules/.test(copy.args) && (!source || installsWithoutOmitDev(source))) {
      problems.push({
        rule: 'production-deps-only',
        message: `node_modules copied into the final stage from ${fromStage ?? 'the build context'}, which has dev dependencies`,
        line: copy.line,
      });
    }
  }
  return problems;
}

function argsOfStageContaining(
  stages: readonly DockerStage[],
  line: number,
): Record<string, string> {
  const stage = stages.find((s) => s.instructions.some((i) => i.line === line));
  const args: Record<string, string> = {};
  for (const i of stage?.instructions ?? []) {
    if (i.keyword !== 'ARG') continue;
    const [name, ...rest] = i.args.split('=');
    if (name && rest.length > 0) args[name.trim()] = rest.join('=').trim().replace(/^"|"$/g, '');
  }
  return args;
}
