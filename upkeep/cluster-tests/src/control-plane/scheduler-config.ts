/**
 * The scheduler's configuration: the default profile, except that it packs pods onto the fullest
 * node that fits (NodeResourcesFit `MostAllocated`, the strategy of GKE's optimize-utilization
 * profile) and adds no spread of its own. Kubernetes' built-in default spread constraints
 * (hostname and zone, ScheduleAnyway) would spread a service's pods over zones even if the
 * services program set no constraint, so the zone check could not fail; without them, and with
 * the uneven fake nodes (fake-nodes.ts), pods end up in several zones only through the
 * constraints the program sets.
 * @example writeFileSync(path, JSON.stringify(schedulerConfiguration('/tmp/scheduler.kubeconfig')));
 */
export function schedulerConfiguration(kubeconfig: string): object {
  return {
    apiVersion: 'kubescheduler.config.k8s.io/v1',
    kind: 'KubeSchedulerConfiguration',
    // With --config, the scheduler reads its kubeconfig and leader election from here only.
    clientConnection: { kubeconfig },
    leaderElection: { leaderElect: false },
    profiles: [
      {
        schedulerName: 'default-scheduler',
        plugins: {
          // Balancing CPU against memory would pull pods toward the large nodes now and then.
          score: { disabled: [{ name: 'NodeResourcesBalancedAllocation' }] },
        },
        pluginConfig: [
          {
            name: 'NodeResourcesFit',
            args: {
              scoringStrategy: {
                type: 'MostAllocated',
                resources: [
                  { name: 'cpu', weight: 1 },
                  { name: 'memory', weight: 1 },
                ],
              },
            },
          },
          { name: 'PodTopologySpread', args: { defaultingType: 'List', defaultConstraints: [] } },
        ],
      },
    ],
  };
}
