import {
  isRecord,
  type Json,
  jobsOf,
  parseMapping,
  pullRequestTriggers,
  type ReadLocal,
  stringsIn,
  triggersOf,
  type WorkflowProblem,
} from './workflow-yaml.ts';

/** The environment that holds production's secrets and OIDC trust. */
const productionEnvironment = 'production';

/**
 * Whether a secret's name marks it as one that unlocks production. The convention (docs/secrets.md):
 * a secret is named after the stack or environment it opens, `…_PRODUCTION` for production.
 * @example isProductionSecret('PULUMI_CONFIG_PASSPHRASE_PRODUCTION') // true
 */
export function isProductionSecret(name: string): boolean {
  return /(?:^|_)PROD(?:UCTION)?(?:_|$)/i.test(name);
}

/** The token every job gets from GitHub itself; it is not a stored secret. */
const githubToken = 'GITHUB_TOKEN';

/**
 * The secret names an expression-bearing value reads: `secrets.NAME` and `secrets['NAME']`.
 * A computed name (`secrets[inputs.x]`) is returned as `*`, which no rule can clear.
 * @example secretsRead('${{ secrets.A || secrets["B"] }}') // ['A', 'B']
 */
export function secretsRead(value: unknown): string[] {
  const names = new Set<string>();
  for (const text of stringsIn(value)) {
    for (const m of text.matchAll(/\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1] ?? '');
    for (const m of text.matchAll(/\bsecrets\[\s*(?:'([^']+)'|"([^"]+)"|([^\]]*))\s*\]/g)) {
      names.add(m[1] ?? m[2] ?? '*');
    }
  }
  names.delete(githubToken);
  return [...names].sort();
}

/** How a job was reached from a pull request trigger. */
interface Reach {
  /** `preview.yml` → `deploy-stack.yml`: the files the call went through. */
  readonly path: readonly string[];
  /** The caller's `with:` values, for `${{ inputs.x }}` in the called job. */
  readonly inputs: Json;
  /** The secret names lifted into the called workflow; `undefined` is everything (inherit). */
  readonly passed: ReadonlySet<string> | undefined;
}

/** A workflow file: its repository-relative path and text. */
export interface WorkflowSource {
  readonly file: string;
  readonly text: string;
}

const fix = {
  environment:
    'run the job in a GitHub environment (`environment: <name>`) and store the secret there (`gh secret set NAME --env <name>`)',
  pullRequest:
    'a job a pull request starts may only use the `preview` environment and staging secrets; take the production secret out of this path',
};

function environmentOf(job: Json, inputs: Json): { name?: string; unresolved?: string } {
  const raw = isRecord(job.environment) ? job.environment.name : job.environment;
  if (raw === undefined) return {};
  if (typeof raw !== 'string') return { unresolved: String(raw) };
  const input = /^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$/.exec(raw.trim());
  if (!input) return raw.includes('${{') ? { unresolved: raw } : { name: raw };
  const value = inputs[input[1] ?? ''];
  return typeof value === 'string' && !value.includes('${{')
    ? { name: value }
    : { unresolved: raw };
}

/**
 * The secret-scoping rules (STANDARDS 23), across every workflow at once because reusable
 * workflows carry secrets from one file into another:
 *
 * (a) No job a pull request can start reads a secret that can unlock production. Reachable means
 * a job of a workflow with a `pull_request*` trigger, or a job of a local reusable workflow such
 * a job calls (transitively), where the called job sees only the secrets its caller lifts by name
 * in `secrets:` (all of them with `secrets: inherit`). Every secret other than `GITHUB_TOKEN`
 * read on that path must be read in a job whose `environment` is known and is not `production`,
 * no production-named secret (`…_PRODUCTION`) may be read or passed on it, and no job on it may
 * run in the `production` environment at all (its OIDC subject is production's role).
 *
 * (b) Every job that reads a secret other than `GITHUB_TOKEN` names its `environment`, so the
 * value is an environment secret bound to that environment's branch and reviewer rules. A job
 * that only calls a reusable workflow cannot name one: the secrets it lifts are checked in the
 * called job.
 * @example expect(checkSecretScoping(sources, readLocal)).toEqual([]);
 */
export function checkSecretScoping(
  sources: readonly WorkflowSource[],
  readLocal: ReadLocal,
): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const seen = new Set<string>();
  const report = (file: string, rule: string, message: string) => {
    const key = `${file}\n${rule}\n${message}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push({ file, rule, message });
  };

  for (const { file, text } of sources) {
    const workflow = parseMapping(text);
    if (!workflow) continue;
    for (const [jobId, job] of jobsOf(workflow)) {
      if (typeof job.uses === 'string' || job.environment !== undefined) continue;
      for (const secret of secretsRead(job)) {
        report(
          file,
          'secret-environment',
          `workflow ${file}, job ${jobId}: reads secrets.${secret} without an environment; ${fix.environment}`,
        );
      }
    }
    if (triggersOf(workflow).some((t) => pullRequestTriggers.includes(t))) {
      visit(file, workflow, { path: [file], inputs: {}, passed: undefined });
    }
  }
  return problems;

  function visit(file: string, workflow: Json, reach: Reach): void {
    const via = `reached from a pull request through ${reach.path.join(' → ')}`;
    for (const [jobId, job] of jobsOf(workflow)) {
      const where = `workflow ${file}, job ${jobId} (${via})`;
      if (typeof job.uses === 'string') {
        visitCall(file, job, reach, where);
        continue;
      }
      const env = environmentOf(job, reach.inputs);
      if (env.name === productionEnvironment) {
        report(
          file,
          'pull-request-secrets',
          `${where}: runs in the production environment; ${fix.pullRequest}`,
        );
      }
      const reads = secretsRead(job).filter(
        (name) => reach.passed === undefined || reach.passed.has(name) || name === '*',
      );
      for (const secret of reads) {
        const read = `${where}: reads secrets.${secret}`;
        if (secret === '*') {
          report(
            file,
            'pull-request-secrets',
            `${read.replace('secrets.*', 'a secret by a computed name')}; name each secret literally`,
          );
        } else if (isProductionSecret(secret)) {
          report(
            file,
            'pull-request-secrets',
            `${read}, which unlocks production; ${fix.pullRequest}`,
          );
        } else if (env.unresolved !== undefined) {
          report(
            file,
            'pull-request-secrets',
            `${read} in environment ${env.unresolved}, which cannot be resolved here; pass a literal environment name`,
          );
        } else if (env.name === undefined) {
          report(
            file,
            'pull-request-secrets',
            `${read} outside any environment; ${fix.environment} (for pull requests: \`preview\`)`,
          );
        }
      }
    }
  }

  function visitCall(file: string, job: Json, reach: Reach, where: string): void {
    const uses = String(job.uses);
    const mapping = isRecord(job.secrets) ? job.secrets : {};
    for (const [name, value] of Object.entries(mapping)) {
      for (const secret of [name, ...secretsRead(value)].filter(isProductionSecret)) {
        report(
          file,
          'pull-request-secrets',
          `${where}: passes secrets.${secret} to ${uses}, which unlocks production; ${fix.pullRequest}`,
        );
      }
    }
    if (!uses.startsWith('./')) {
      if (job.secrets !== undefined) {
        report(
          file,
          'pull-request-secrets',
          `${where}: passes secrets to ${uses}, outside this repository, where they cannot be checked`,
        );
      }
      return;
    }
    const calledFile = uses.slice(2);
    if (reach.path.includes(calledFile)) return; // a cycle: GitHub refuses it anyway
    const text = readLocal(calledFile);
    const called = text === undefined ? undefined : parseMapping(text);
    if (!called) {
      report(file, 'pull-request-secrets', `${where}: calls ${uses}, which does not exist`);
      return;
    }
    // A name is lifted only if this job could see it itself (a nested call passes on what it got).
    const visible = (name: string) =>
      reach.passed === undefined || secretsRead(mapping[name]).some((s) => reach.passed?.has(s));
    const passed =
      job.secrets === 'inherit' ? reach.passed : new Set(Object.keys(mapping).filter(visible));
    const inputs = isRecord(job.with) ? job.with : {};
    visit(calledFile, called, { path: [...reach.path, calledFile], inputs, passed });
  }
}
