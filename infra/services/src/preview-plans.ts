import { serviceManifestPath } from '@slipway/platform-contract';
import type { ServicePlan } from './plan-services.ts';
import { previewHost } from './preview-route.ts';
import type { PreviewSettings } from './preview-settings.ts';
import { ServicesStackConfigError, type StackConfigProblem } from './stack-config-error.ts';

/**
 * The plans of a preview: only the services it lists, each public one on its preview host. A
 * preview never provisions a database or cache (its servers would be named after the
 * environment, which owns them): a service that declares one needs an existing server in the
 * stack config (`dataServices.<service>.<kind>`).
 * @throws ServicesStackConfigError for a listed service that is not in the catalog, or one whose data service would be provisioned.
 * @example previewPlans(planServices(manifests, stagingConfig, platform), preview)
 */
export function previewPlans(
  plans: readonly ServicePlan[],
  preview: PreviewSettings,
  stack: string,
): ServicePlan[] {
  const problems: StackConfigProblem[] = [];
  const byName = new Map(plans.map((plan) => [plan.manifest.name, plan]));
  for (const service of preview.services) {
    if (!byName.has(service))
      problems.push({
        service,
        field: 'preview.services',
        message: `names no service (no ${serviceManifestPath(service)})`,
      });
  }
  const chosen = plans.filter((plan) => preview.services.includes(plan.manifest.name));
  for (const plan of chosen) {
    for (const kind of Object.keys(plan.dataServices.provision))
      problems.push({
        service: plan.manifest.name,
        field: `dataServices.${plan.manifest.name}.${kind}`,
        message: `a preview never provisions a ${kind}: name an existing server for it in the source stack's config (docs/deploying/previews.md)`,
      });
  }
  if (problems.length > 0) throw new ServicesStackConfigError(stack, problems);
  return chosen.map((plan) =>
    plan.route
      ? {
          ...plan,
          route: {
            ...plan.route,
            host: previewHost(plan.manifest.name, preview.pr, plan.route.gateway.domain),
          },
        }
      : plan,
  );
}
