import type * as k8s from '@pulumi/kubernetes';
import { autoscalingBehaviorDefaults } from '@slipway/platform-contract';
import { type Environment, type ServiceManifest, serviceReplicas } from '@slipway/service-manifest';
import { selectorLabels } from './labels.ts';

type AutoscalerSpec = k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerSpec;
type MetricSpec = k8s.types.input.autoscaling.v2.MetricSpec;
type AutoscalerBehavior = k8s.types.input.autoscaling.v2.HorizontalPodAutoscalerBehavior;
type DisruptionBudgetSpec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

function utilization(resource: string, averageUtilization: number): MetricSpec {
  return {
    type: 'Resource',
    resource: { name: resource, target: { type: 'Utilization', averageUtilization } },
  };
}

/**
 * How fast the HPA moves: up at once and steeply, down slowly, as `autoscalingBehaviorDefaults`
 * says; the manifest may lengthen or shorten the wait before scaling down.
 */
function autoscalerBehavior(manifest: ServiceManifest): AutoscalerBehavior {
  const { scaleUp, scaleDown } = autoscalingBehaviorDefaults;
  const scaleDownWindow =
    manifest.autoscaling.scaleDownStabilizationSeconds ?? scaleDown.stabilizationWindowSeconds;
  // Copies: the contract's objects are read-only and Pulumi's inputs are not.
  return {
    scaleUp: { ...scaleUp, policies: scaleUp.policies.map((policy) => ({ ...policy })) },
    scaleDown: {
      ...scaleDown,
      stabilizationWindowSeconds: scaleDownWindow,
      policies: scaleDown.policies.map((policy) => ({ ...policy })),
    },
  };
}

/**
 * The autoscaling/v2 HPA of a service: between the manifest's min and max replicas, the max
 * capped by the environment's profile (`serviceReplicas`: dev stops at 3), on its CPU target
 * and, when set, its memory target, with {@link autoscalerBehavior}: a spike adds pods within
 * seconds, and bursty traffic does not make it flap.
 * @example autoscalerSpec(orders, 'dev').maxReplicas // 3
 */
export function autoscalerSpec(
  manifest: ServiceManifest,
  environment: Environment,
): AutoscalerSpec {
  const { cpuUtilization, memoryUtilization } = manifest.autoscaling;
  const replicas = serviceReplicas(manifest.replicas, environment);
  return {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: manifest.name },
    minReplicas: replicas.min,
    maxReplicas: replicas.max,
    metrics: [
      utilization('cpu', cpuUtilization),
      ...(memoryUtilization ? [utilization('memory', memoryUtilization)] : []),
    ],
    behavior: autoscalerBehavior(manifest),
  };
}

/**
 * The PodDisruptionBudget of a service: one pod at a time, which stays below the HPA minimum
 * (at least 2, the schema's rule) so a node drain always proceeds; unhealthy pods never block it.
 * @example disruptionBudgetSpec(orders, 'dev').maxUnavailable // 1
 */
export function disruptionBudgetSpec(
  manifest: ServiceManifest,
  environment: string,
): DisruptionBudgetSpec {
  return {
    maxUnavailable: 1,
    selector: { matchLabels: selectorLabels(manifest.name, environment) },
    unhealthyPodEvictionPolicy: 'AlwaysAllow',
  };
}
