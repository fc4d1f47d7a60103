import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatHelp, parseCli, UsageError, writeGithubOutputs } from '../src/cli.ts';
import { checkDockerfileCommand, checkDockerfileSpec } from '../src/commands/check-dockerfile.ts';
import { checkPackagesCommand, checkPackagesSpec } from '../src/commands/check-packages.ts';
import { checkWorkflowsCommand, checkWorkflowsSpec } from '../src/commands/check-workflows.ts';
import { detectChanges, detectChangesSpec } from '../src/commands/detect-changes.ts';
import { planImagesCommand, planImagesSpec } from '../src/commands/plan-images.ts';
import { platform, platformSpec } from '../src/commands/platform.ts';
import { previewCommand, previewSpec } from '../src/commands/preview.ts';
import { recordImageCommand, recordImageSpec } from '../src/commands/record-image.ts';
import { resolveCommit, resolveCommitSpec } from '../src/commands/resolve-commit.ts';
import { setStackImagesCommand, setStackImagesSpec } from '../src/commands/set-stack-images.ts';
import {
  verifyAttestationsCommand,
  verifyAttestationsSpec,
} from '../src/commands/verify-attestations.ts';
import { versionPackages, versionPackagesSpec } from '../src/commands/version-packages.ts';
import { recordingContext } from './fixture-repo.ts';

const commands = [
  [resolveCommitSpec, resolveCommit],
  [platformSpec, platform],
  [detectChangesSpec, detectChanges],
  [planImagesSpec, planImagesCommand],
  [recordImageSpec, recordImageCommand],
  [setStackImagesSpec, setStackImagesCommand],
  [verifyAttestationsSpec, verifyAttestationsCommand],
  [checkDockerfileSpec, checkDockerfileCommand],
  [checkWorkflowsSpec, checkWorkflowsCommand],
  [checkPackagesSpec, checkPackagesCommand],
  [versionPackagesSpec, versionPackages],
  [previewSpec, previewCommand],
] as const;

describe('every script', () => {
  it('has a bin entry for each command and a command for each bin entry', () => {
    const bins = readdirSync(join(import.meta.dirname, '../src/bin')).map((f) =>
      f.replace(/\.ts$/, ''),
    );
    expect(bins.sort()).toEqual(commands.map(([spec]) => spec.name).sort());
  });

  it.each(commands.map(([spec, run]) => [spec.name, spec, run] as const))(
    '%s prints its usage and every flag with --help, doing nothing else',
    async (name, spec, run) => {
      const ctx = recordingContext();
      await run(['--help'], ctx as never);
      expect(ctx.text()).toBe(formatHelp(spec));
      expect(ctx.text()).toContain(`Usage: ${name} [flags]`);
      for (const flag of Object.keys(spec.flags)) expect(ctx.text()).toContain(`--${flag}`);
    },
  );

  it('answers --help from the real entry point with exit code 0', () => {
    const bin = join(import.meta.dirname, '../src/bin/set-stack-images.ts');
    const out = execFileSync(process.execPath, ['--conditions=@slipway/source', bin, '--help'], {
      encoding: 'utf8',
    });
    expect(out).toContain('Usage: set-stack-images [flags]');
  });

  it('exits 2 with a pointer to --help on an unknown flag', () => {
    const bin = join(import.meta.dirname, '../src/bin/plan-images.ts');
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--conditions=@slipway/source', bin, '--nope'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = (error as { stderr: string }).stderr;
    }
    expect(status).toBe(2);
    expect(stderr).toContain('Run with --help for usage.');
  });
});

describe('parseCli and writeGithubOutputs', () => {
  it('refuses positional arguments', () => {
    expect(() => parseCli(platformSpec, ['extra'])).toThrow(UsageError);
  });

  it('appends single-line outputs and refuses a value that would inject another output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-out-'));
    try {
      const file = join(dir, 'out');
      writeGithubOutputs({ a: '1', b: '["x"]' }, file);
      expect(readFileSync(file, 'utf8')).toBe('a=1\nb=["x"]\n');
      expect(() => writeGithubOutputs({ sha: 'x\nregistry=evil.example' }, file)).toThrow(
        /single line/,
      );
      writeGithubOutputs({ ignored: 'when no file is set' }, undefined);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('check-dockerfile, check-workflows and version-packages', () => {
  it('check-dockerfile and check-workflows report ok on this repository', async () => {
    const ctx = recordingContext();
    checkDockerfileCommand([], ctx);
    await checkWorkflowsCommand([], ctx);
    expect(ctx.text()).toBe('docker/Dockerfile: ok\n.github/workflows: ok\n');
  });

  it('check-dockerfile holds the image to the Node line of the root it checks (.nvmrc)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slipway-check-dockerfile-'));
    try {
      const root = join(import.meta.dirname, '../..');
      mkdirSync(join(dir, 'docker'));
      copyFileSync(join(root, 'docker/Dockerfile'), join(dir, 'docker/Dockerfile'));
      copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
      writeFileSync(join(dir, '.nvmrc'), '26\n');
      expect(() => checkDockerfileCommand(['--root', dir], recordingContext())).toThrow(
        /docker\/Dockerfile:\d+: \[node-line\] base image node:24\.\S+ is not on the repository's Node 26 line/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('version-packages applies changesets, then refreshes the lockfile, at the root', () => {
    const calls: string[] = [];
    versionPackages(['--root', '/repo'], recordingContext(), (command, args, cwd) => {
      calls.push(`${cwd}$ ${command} ${args.join(' ')}`);
    });
    expect(calls).toEqual([
      '/repo$ npx changeset version',
      '/repo$ npm install --package-lock-only --ignore-scripts --no-audit --no-fund',
    ]);
  });
});
