import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBuiltImages } from '../built-images.ts';
import {
  type CliSpec,
  optionalString,
  parseCli,
  requireString,
  UsageError,
  writeGithubOutputs,
} from '../cli.ts';
import { detectChangedServices } from '../detect-changes.ts';
import { previewComment } from '../preview/preview-comment.ts';
import { defaultPreviewTtl, parseInstant } from '../preview/preview-expiry.ts';
import {
  collectPreviews,
  downPreview,
  type PreviewContext,
  upPreview,
} from '../preview/preview-operations.ts';
import { defaultSourceStack } from '../preview/preview-stack-config.ts';
import { servicesProgramDir } from '../stack-config.ts';
import { type CommandContext, rootFrom } from './command-context.ts';

const common = {
  root: { type: 'string', description: 'Repository root. Default: this monorepo.' },
  program: {
    type: 'string',
    description: 'The services program folder, under the root.',
    default: servicesProgramDir,
  },
  verbose: {
    type: 'boolean',
    description: "Print the engine's output (default: only on failure).",
  },
} as const;

const pr = { type: 'string', description: 'The pull request number.' } as const;
const now = {
  type: 'string',
  description: 'The instant to count expiry from, ISO 8601 (tests, replays). Default: now.',
} as const;

/** `preview up|down|gc`: one spec per subcommand. */
const previewSpecs: Readonly<Record<'up' | 'down' | 'gc', CliSpec>> = {
  up: {
    name: 'preview up',
    summary:
      "Deploys a pull request's preview: the changed services (--changed, or those a diff from\n" +
      '--base changes) and every service they call, into namespace <product>-pr-<n> with stack\n' +
      "pr-<n>, whose config is the --from stack's (staging's secrets, its images for the unchanged\n" +
      'services; the changed ones from --built). Run it again: it changes nothing, or what changed.',
    flags: {
      pr,
      changed: { type: 'string', description: 'Comma-separated changed services.' },
      base: { type: 'string', description: 'The commit to diff HEAD against (the base branch).' },
      built: {
        type: 'string',
        description:
          'JSON object of pinned images the pull request built (<registry>/<svc>:<sha>@sha256:<digest>).',
        default: '',
      },
      'main-images': {
        type: 'boolean',
        description:
          "A changed service not in --built runs the --from stack's image (manifest changes only).",
      },
      from: { type: 'string', description: 'The stack to copy.', default: defaultSourceStack },
      'source-dir': {
        type: 'string',
        description: 'The folder of Pulumi.<from>.yaml. Default: the program folder.',
      },
      ttl: {
        type: 'string',
        description: 'How long it lives: 90m, 36h, 7d.',
        default: defaultPreviewTtl,
      },
      now,
      comment: {
        type: 'string',
        description: "Write the pull request comment's Markdown to this file.",
      },
      ...common,
    },
  },
  down: {
    name: 'preview down',
    summary: "Destroys a pull request's preview: its stack pr-<n> and namespace <product>-pr-<n>.",
    flags: { pr, ...common },
  },
  gc: {
    name: 'preview gc',
    summary: 'Destroys every preview stack past its expiry (--now, default: the clock).',
    flags: {
      now,
      'dry-run': { type: 'boolean', description: 'Only list them.' },
      ...common,
    },
  },
};

/** `preview` itself: its subcommands, each with its own flags (`preview <subcommand> --help`). */
export const previewSpec: CliSpec = {
  name: 'preview',
  summary:
    'Preview environments, one per pull request (docs/deploying/previews.md): preview <up|down|gc> [flags].',
  flags: {},
  notes: [
    'Subcommands:',
    "  up    deploy or update pull request <n>'s preview",
    '  down  remove it',
    '  gc    remove every preview past its expiry',
    'Run preview <subcommand> --help for its flags.',
  ],
};

function pullRequest(values: Record<string, unknown>): number {
  const text = requireString(values as Record<string, string>, 'pr');
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < 1)
    throw new UsageError(`--pr '${text}' is not a pull request number`);
  return number;
}

/**
 * Runs `preview <subcommand>`.
 * @example await previewCommand(['up', '--pr', '12', '--changed', 'orders'], processContext());
 */
export async function previewCommand(
  argv: readonly string[],
  { env, write }: CommandContext,
): Promise<void> {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined || subcommand.startsWith('-')) {
    parseCli(previewSpec, subcommand === undefined ? ['--help'] : argv, write);
    return;
  }
  if (!(subcommand in previewSpecs))
    throw new UsageError(`unknown subcommand '${subcommand}': use up, down or gc`);
  const spec = previewSpecs[subcommand as keyof typeof previewSpecs];
  const values = parseCli(spec, rest, write);
  if (!values) return;
  const root = rootFrom(values.root);
  const sourceDir = optionalString(values, 'source-dir');
  const context: PreviewContext = {
    root,
    programDir: join(root, String(values.program)),
    ...(sourceDir ? { sourceDir } : {}),
    write,
    verbose: values.verbose === true,
  };
  const clock = parseInstant(optionalString(values, 'now'));
  if (subcommand === 'down') {
    await downPreview(context, pullRequest(values));
    return;
  }
  if (subcommand === 'gc') {
    await collectPreviews(context, { now: clock, dryRun: values['dry-run'] === true });
    return;
  }
  const changedFlag = optionalString(values, 'changed');
  const base = optionalString(values, 'base');
  if ((changedFlag === undefined) === (base === undefined))
    throw new UsageError('give exactly one of --changed <svc,...> and --base <ref>');
  const changed =
    changedFlag
      ?.split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '') ?? detectChangedServices({ root, base }).changed;
  const result = await upPreview(context, {
    pr: pullRequest(values),
    from: String(values.from),
    changed,
    built: parseBuiltImages(String(values.built)),
    mainImages: values['main-images'] === true,
    ttl: String(values.ttl),
    now: clock,
  });
  if (!result) return;
  const counts = Object.entries(result.changes)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  write(`${result.stack}: ${counts}\n`);
  for (const [name, service] of Object.entries(result.services))
    write(`  ${name} (${service.from}): ${service.publicUrl ?? service.url ?? ''}\n`);
  const comment = optionalString(values, 'comment');
  if (comment) writeFileSync(comment, previewComment(result));
  writeGithubOutputs(
    {
      namespace: result.namespace,
      stack: result.stack,
      expires: result.expiresAt,
      changes: JSON.stringify(result.changes),
    },
    env.GITHUB_OUTPUT,
  );
}
