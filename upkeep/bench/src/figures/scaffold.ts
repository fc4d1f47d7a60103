import type { Figure } from '../figure.ts';
import { repoRoot } from '../lib/build-services.ts';
import { seconds } from '../lib/format.ts';
import { measureScaffold } from './measure-scaffold.ts';

const targets = { filesWrittenMs: 2_000, greenMs: 6_000 };

/**
 * `npm create @slipway/service` in a temporary copy of the repository: the time to the new
 * service's files on disk, and to green (workspace linked, then its typecheck, lint, tests and
 * build through turbo with a cold cache).
 */
export const scaffold: Figure = {
  name: 'scaffold',
  summary: 'npm create @slipway/service in a copy of the repository: to files written, to green',
  async run(progress) {
    progress('copying the repository and scaffolding a service in the copy');
    const timings = await measureScaffold({ repoRoot: repoRoot.replace(/\/$/, '') });
    progress(`copy and install took ${seconds(timings.copyMs)} (not part of the figures)`);
    return [
      {
        figure: 'scaffold',
        metric: 'npm create → files written',
        subject: seconds(timings.filesWrittenMs),
        target: {
          text: `≤ ${seconds(targets.filesWrittenMs)}`,
          met: timings.filesWrittenMs <= targets.filesWrittenMs,
        },
      },
      {
        figure: 'scaffold',
        metric: 'npm create → workspace linked',
        subject: seconds(timings.linkedMs),
      },
      {
        figure: 'scaffold',
        metric: 'npm create → tests green',
        subject: seconds(timings.greenMs),
        target: { text: `≤ ${seconds(targets.greenMs)}`, met: timings.greenMs <= targets.greenMs },
      },
    ];
  },
};
