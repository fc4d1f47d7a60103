import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pulumiEnv } from '../pulumi/stack-runner.ts';
import type { KindE2eRun } from './kind-e2e-settings.ts';
import { runCommand } from './run-command.ts';

/** One config value in the format `pulumi config --json` prints and `config set-all --json` reads. */
export interface CliConfigValue {
  readonly value: string;
  readonly objectValue?: unknown;
  readonly secret: boolean;
}

/**
 * A config entry for `set-all --json`: strings as they are, anything else as an object value
 * (stored as YAML structure, read by the programs with `getObject`).
 * @example cliConfig({ namespace: 'slipway-e2e', images: { orders: 'x:1' } }, 'slipway-services')
 */
export function cliConfig(
  values: Readonly<Record<string, unknown>>,
  project: string,
): Record<string, CliConfigValue> {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      `${project}:${key}`,
      typeof value === 'string'
        ? { value, secret: false }
        : { value: JSON.stringify(value), objectValue: value, secret: false },
    ]),
  );
}

/** The Pulumi CLI on one project's stack, with the run's throwaway file backend and passphrase. */
export class PulumiCli {
  private readonly env: NodeJS.ProcessEnv;
  readonly projectDir: string;
  readonly stack: string;

  constructor(projectDir: string, stack: string, run: KindE2eRun) {
    this.projectDir = projectDir;
    this.stack = stack;
    mkdirSync(join(run.dir, 'backend'), { recursive: true });
    const passphraseFile = join(run.dir, 'passphrase');
    // Generated on first use and shared by the workflow's steps; it protects nothing lasting.
    if (!existsSync(passphraseFile))
      writeFileSync(passphraseFile, randomBytes(16).toString('hex'), { mode: 0o600 });
    const passphrase = readFileSync(passphraseFile, 'utf8');
    this.env = pulumiEnv({ stateDir: run.dir, passphrase, kubeconfig: run.kubeconfig });
  }

  /**
   * Runs `pulumi <args> --stack <stack>` in the project, its output shown; returns stdout when
   * `capture`. `input` goes to stdin (a secret never on the command line). Asynchronous, so a
   * load running in this process keeps flowing during `pulumi up`.
   */
  run(args: readonly string[], capture = false, input?: string): Promise<string> {
    return runCommand('pulumi', [...args, '--stack', this.stack, '--non-interactive'], {
      cwd: this.projectDir,
      env: this.env,
      capture,
      ...(input === undefined ? {} : { input }),
    });
  }

  /** Selects the stack, creating it (passphrase secrets) the first time. */
  async select(): Promise<void> {
    await runCommand(
      'pulumi',
      ['stack', 'select', '--create', this.stack, '--secrets-provider', 'passphrase'],
      { cwd: this.projectDir, env: this.env },
    );
  }

  /** Plain values, objects included (`set-all --json`; it cannot encrypt an object whole). */
  async setConfig(values: Readonly<Record<string, CliConfigValue>>): Promise<void> {
    await this.run(['config', 'set-all', '--json', JSON.stringify(values)]);
  }

  /** Secret values by config path (`secrets.orders.DATABASE_URL`), each encrypted alone, read from stdin. */
  async setSecrets(project: string, secrets: Readonly<Record<string, string>>): Promise<void> {
    for (const [path, value] of Object.entries(secrets)) {
      await this.run(['config', 'set', '--secret', '--path', `${project}:${path}`], false, value);
    }
  }

  async up(): Promise<void> {
    await this.run(['up', '--yes', '--skip-preview']);
  }

  /** A stack output, parsed from JSON. */
  async output(name: string): Promise<unknown> {
    return JSON.parse(await this.run(['stack', 'output', name, '--json'], true));
  }

  /** Destroys the stack's resources and removes it with its config file. */
  async destroy(): Promise<void> {
    await this.run(['destroy', '--yes', '--skip-preview', '--remove']);
  }
}
