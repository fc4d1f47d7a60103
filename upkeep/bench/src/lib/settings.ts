/** One setting of the server figures and the environment variable that changes it. */
export interface ServerSetting {
  readonly variable: string;
  readonly description: string;
  readonly fallback: number;
}

const settings = {
  starts: { variable: 'BENCH_STARTS', description: 'cold starts of each server', fallback: 5 },
  rounds: {
    variable: 'BENCH_ROUNDS',
    description: 'load rounds of each server, alternating',
    fallback: 5,
  },
  durationSeconds: {
    variable: 'BENCH_DURATION_S',
    description: 'seconds per load round',
    fallback: 3,
  },
  connections: {
    variable: 'BENCH_CONNECTIONS',
    description: 'concurrent keep-alive connections',
    fallback: 10,
  },
} as const satisfies Record<string, ServerSetting>;

/** The settings of the `livez` and `post` figures, for `--help`. */
export const serverSettingList: readonly ServerSetting[] = Object.values(settings);

function read({ variable, fallback }: ServerSetting): number {
  const value = Number(process.env[variable] ?? fallback);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${variable} must be a positive number`);
  return value;
}

/** How hard the server figures measure, from the environment or the defaults. */
export const serverSettings: Readonly<Record<keyof typeof settings, number>> = {
  starts: read(settings.starts),
  rounds: read(settings.rounds),
  durationSeconds: read(settings.durationSeconds),
  connections: read(settings.connections),
};

/** The part of {@link serverSettings} that shapes the load rounds. */
export const loadSettings = {
  rounds: serverSettings.rounds,
  durationSeconds: serverSettings.durationSeconds,
  connections: serverSettings.connections,
} as const;
