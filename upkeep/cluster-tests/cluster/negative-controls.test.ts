import { afterAll, describe, expect, it } from 'vitest';
import { type ProgramBreak, programBreaks } from '../src/pulumi/break-program.ts';
import { runBroken, type TestOutcome } from './support/broken-run.ts';
import { useCluster } from './support/cluster-suite.ts';
import { leftBehind, settled } from './support/leftovers.ts';

const { info, kube } = useCluster();
const file = 'cluster/platform-and-services.test.ts';

/** The tests of `file` the controls run, by the beginning of their names. */
const checks = {
  platform: 'deploys the platform',
  services: 'deploys every service',
  rollout: 'rolls out every Deployment',
  replicaOwner: 'leaves the replica count to the HPA',
  imageChange: 'rolls out a changed image',
} as const;
type Check = keyof typeof checks;

/**
 * For each breakage: the tests to run (each needs the ones before it), and the ones that must
 * fail, with what their failure must say. Every other test run must pass: the breakage is
 * caught by the check meant for it, not by an accident earlier on.
 */
const controls: Record<ProgramBreak, { run: Check[]; fail: Partial<Record<Check, RegExp>> }> = {
  // Pulumi does not wait for the refused pods: the API server's own PodSecurity verdict on
  // the Deployment is what catches it.
  root: { run: ['platform', 'services'], fail: { services: /PodSecurity/ } },
  // Without the zone constraint the packing scheduler puts both pods of a service in zone-a.
  spread: { run: ['platform', 'services', 'rollout'], fail: { rollout: /pods on kwok-node-a/ } },
  // Pulumi owns spec.replicas from the create on; the next deploy conflicts with the HPA.
  replicas: {
    run: ['platform', 'services', 'rollout', 'replicaOwner', 'imageChange'],
    fail: { replicaOwner: /: pulumi/, imageChange: /conflict/ },
  },
};

const outcomeOf = (outcomes: readonly TestOutcome[], check: Check) => {
  const matching = outcomes.filter((o) => o.fullName.includes(checks[check]));
  // A renamed test must fail the control, not leave it running nothing.
  expect(matching, `tests named "${checks[check]}"`).toHaveLength(1);
  return matching[0] as TestOutcome;
};

describe('the cluster suite fails when the programs are broken on purpose (negative controls)', () => {
  afterAll(() => kube.close());

  it.each(Object.keys(controls) as ProgramBreak[])(
    'SLIPWAY_CLUSTER_BREAK=%s fails the checks meant for it, and only those',
    async (breakage) => {
      const { run, fail } = controls[breakage];
      const outcomes = await runBroken({
        breakage,
        file,
        tests: run.map((check) => checks[check]),
        kubeconfig: info.kubeconfig,
      });
      const summary = outcomes
        .map((o) => `${o.status}: ${o.fullName}\n  ${o.failureMessages.join('').slice(0, 300)}`)
        .join('\n');
      for (const check of run) {
        const outcome = outcomeOf(outcomes, check);
        const message = fail[check];
        if (message) {
          expect(outcome.status, `${programBreaks[breakage]}\n${summary}`).toBe('failed');
          expect(outcome.failureMessages.join('\n')).toMatch(message);
        } else {
          expect(outcome.status, `${checks[check]} before the failure\n${summary}`).toBe('passed');
        }
      }
      // The broken run tore its stacks down, so the rest of the suite starts clean.
      expect(await settled(() => leftBehind(kube, []))).toEqual([]);
    },
  );
});
