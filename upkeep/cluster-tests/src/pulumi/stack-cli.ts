/**
 * Runs one Pulumi operation on a project's stack through the Automation API and prints the
 * result as one marked JSON line. It runs in its own Node process, started the way Pulumi.yaml
 * starts the programs (`--conditions=@slipway/source`), so each run imports the
 * program afresh and resolves it from the repository it lives in (the suite's or a copy's).
 * Usage: node --conditions=@slipway/source stack-cli.ts '<StackRequest JSON>'
 */
import { LocalWorkspace, type OutputMap } from '@pulumi/pulumi/automation/index.js';
import { breakProgram } from './break-program.ts';
import { readPulumiProject, runProjectProgram } from './program-entry.ts';
import { resultMarker, type StackRequest, type StackResult } from './stack-request.ts';
import { stateResources } from './state-resources.ts';

function plainOutputs(outputs: OutputMap): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([key, output]) => [key, output.value]));
}

async function run(request: StackRequest): Promise<StackResult> {
  const project = readPulumiProject(request.projectDir);
  const program = async () => {
    breakProgram(request.breaks ?? []);
    return runProjectProgram(project);
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    { stackName: request.stack, projectName: project.name, program },
    {
      projectSettings: { name: project.name, runtime: 'nodejs' },
      ...(request.workDir ? { workDir: request.workDir } : {}),
    },
  );
  if (request.config) await stack.setAllConfig(request.config);
  let log = '';
  const onOutput = (text: string) => {
    log += text;
    process.stderr.write(text);
  };
  switch (request.operation) {
    case 'up': {
      const result = await stack.up({ onOutput });
      return {
        changes: result.summary.resourceChanges ?? {},
        outputs: plainOutputs(result.outputs),
        log,
      };
    }
    case 'preview': {
      const result = await stack.preview({
        onOutput,
        ...(request.refresh ? { refresh: true } : {}),
        ...(request.expectNoChanges ? { expectNoChanges: true } : {}),
      });
      return { changes: result.changeSummary, outputs: {}, log };
    }
    case 'destroy': {
      // The state is read on both sides, and the stack removed only after, so a check can see
      // what the destroy had to delete and that the state it leaves is empty.
      const before = stateResources(await stack.exportStack());
      const result = await stack.destroy({ onOutput });
      const after = stateResources(await stack.exportStack());
      // A state with resources left is kept (`pulumi stack rm` would refuse it); the check says so.
      if (after.length === 0) await stack.workspace.removeStack(request.stack);
      return {
        changes: result.summary.resourceChanges ?? {},
        outputs: {},
        log,
        destroyed: { before, after },
      };
    }
  }
}

const request = JSON.parse(process.argv[2] ?? '{}') as StackRequest;
try {
  const result = await run(request);
  process.stdout.write(`${resultMarker}${JSON.stringify(result)}\n`);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
