/** A line of the report: one measured quantity, for the subject and, when there is one, its baseline. */
export interface Row {
  readonly figure: string;
  readonly metric: string;
  /** The thing measured, already formatted (e.g. `12 345 req/s`). */
  readonly subject: string;
  readonly baseline?: string;
  /** subject / baseline, when comparing makes sense. */
  readonly ratio?: number;
  /** The goal, in words (e.g. `≥ 0.80 × bare`), and whether it was met. */
  readonly target?: { readonly text: string; readonly met: boolean };
}

/** Reports what a figure is doing while it runs. */
export type Progress = (message: string) => void;

/**
 * One benchmark figure: it starts what it needs, measures, stops everything, and returns rows.
 * Add a figure by writing one file in `src/figures/` and listing it in `src/index.ts`.
 * @example export const coldStart: Figure = { name: 'cold', summary: 'start-up of…', run: async (progress) => [...] };
 */
export interface Figure {
  readonly name: string;
  /** One line for `npm run bench -- --help`: what it measures, against what. */
  readonly summary: string;
  run(progress: Progress): Promise<readonly Row[]>;
}
