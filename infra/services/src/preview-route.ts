import * as k8s from '@pulumi/kubernetes';
import type * as pulumi from '@pulumi/pulumi';
import type { ServiceManifest } from '@slipway/service-manifest';
import type { PreviewSettings } from './preview-settings.ts';
import type { PublicRoute } from './public-route-objects.ts';
import { gatewayApiGroup, httpRouteSpec } from './traffic-specs.ts';

/**
 * A public service's host in a preview: `<service>-pr-<n>.<domain>`. One label under the
 * environment's domain, so the gateway's `*.<domain>` listener and its wildcard certificate
 * cover it (a certificate's wildcard spans one label: `pr-12.<service>.<domain>` would not be).
 * @example previewHost('gateway', 12, 'staging.example.com') // 'gateway-pr-12.staging.example.com'
 */
export function previewHost(service: string, pr: number, domain: string): string {
  return `${service}-pr-${pr}.${domain}`;
}

/** The route's and the grant's names: the service's, marked with the pull request. */
function routeName(service: string, pr: number): string {
  return `${service}-pr-${pr}`;
}

/**
 * The HTTPRoute of a public service in a preview: on the environment's gateway, in the
 * environment's namespace (the gateway admits routes from its own namespace only), to the
 * Service in the preview namespace, which a ReferenceGrant there allows.
 * @example previewRouteSpec({ manifest, preview, route }).rules[0].backendRefs[0].namespace // 'slipway-pr-12'
 */
function previewRouteSpec({
  manifest,
  preview,
  route,
}: {
  readonly manifest: ServiceManifest;
  readonly preview: PreviewSettings;
  readonly route: PublicRoute;
}) {
  const spec = httpRouteSpec({ manifest, host: route.host, parentRef: route.gateway.parentRef });
  return {
    ...spec,
    rules: spec.rules.map((rule) => ({
      ...rule,
      backendRefs: rule.backendRefs.map((ref) => ({ ...ref, namespace: preview.namespace })),
    })),
  };
}

/**
 * A public service's way in for a preview: the HTTPRoute (see {@link previewRouteSpec}) and the
 * ReferenceGrant in the preview namespace that lets HTTPRoutes of the environment's namespace
 * name its Service, and nothing else.
 * @example previewRoute('gateway', { manifest, preview, route, labels }, { provider, parent });
 */
export function previewRoute(
  name: string,
  args: {
    readonly manifest: ServiceManifest;
    readonly preview: PreviewSettings;
    readonly route: PublicRoute;
    readonly labels: Readonly<Record<string, string>>;
  },
  opts: pulumi.CustomResourceOptions,
): pulumi.CustomResource[] {
  const { manifest, preview, route, labels } = args;
  const objectName = routeName(manifest.name, preview.pr);
  const grant = new k8s.apiextensions.CustomResource(
    `${name}-reference-grant`,
    {
      apiVersion: `${gatewayApiGroup}/v1beta1`,
      kind: 'ReferenceGrant',
      metadata: { name: objectName, namespace: preview.namespace, labels },
      spec: {
        from: [
          {
            group: gatewayApiGroup,
            kind: 'HTTPRoute',
            namespace: route.gateway.parentRef.namespace,
          },
        ],
        to: [{ group: '', kind: 'Service', name: manifest.name }],
      },
    },
    opts,
  );
  const httpRoute = new k8s.apiextensions.CustomResource(
    `${name}-route`,
    {
      apiVersion: `${gatewayApiGroup}/v1`,
      kind: 'HTTPRoute',
      metadata: { name: objectName, namespace: route.gateway.parentRef.namespace, labels },
      spec: previewRouteSpec({ manifest, preview, route }),
    },
    { ...opts, dependsOn: [grant] },
  );
  return [grant, httpRoute];
}
