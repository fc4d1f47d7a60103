import { measureScaffold } from '@slipway/generators';
import type { Figure } from '../figure.js';
import { repoRoot } from '../lib/build-services.js';

const targets = { filesWrittenMs: 2_000, greenMs: 15_000 };
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * `npm create @slipway/service` in a temporary copy of the repository: the time to the new
 * service's files on disk, and to green (workspace linked, then its typecheck, lint, tests and
 * build through turbo with a cold cache).
 */
export const scaffold: Figure = {
  name: 'scaffold',
  async run(progress) {
    progress('copying the repository and scaffolding a service in the copy');
    const timings = await measureScaffold({ repoRoot: repoRoot.replace(/\/$/, '') });
    progress(`copy and install took ${seconds(timings.copyMs)} (not part of the figures)`);
    return [
      {
        figure: 'scaffold',
        metric: 'npm create → files written',
        subject: seconds(timings.filesWrittenMs),
        target: { text: '< 2 s', met: timings.filesWrittenMs < targets.filesWrittenMs },
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
        target: { text: '< 15 s', met: timings.greenMs < targets.greenMs },
      },
    ];
  },
};
