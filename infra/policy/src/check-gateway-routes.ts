import { describeObject, type KubernetesObject, type PolicyViolation } from './policy-violation.ts';

interface Listener {
  readonly name?: string;
  readonly protocol?: string;
  readonly tls?: { readonly mode?: string; readonly certificateRefs?: readonly unknown[] };
}
interface ParentRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly sectionName?: string;
}
interface RouteRule {
  readonly filters?: readonly {
    readonly type?: string;
    readonly requestRedirect?: { readonly scheme?: string };
  }[];
}

const gatewayGroup = 'gateway.networking.k8s.io';
const isGatewayApi = (obj: KubernetesObject, kind: string) =>
  obj.kind === kind && obj.apiVersion.startsWith(`${gatewayGroup}/`);
const listenersOf = (gateway: KubernetesObject) =>
  (gateway.spec as { listeners?: readonly Listener[] } | undefined)?.listeners ?? [];

function redirectsToHttps(rule: RouteRule): boolean {
  return (rule.filters ?? []).some(
    (f) => f.type === 'RequestRedirect' && f.requestRedirect?.scheme === 'https',
  );
}

/**
 * STANDARDS.md 25 on the Gateway API objects of a set: every HTTPS listener terminates TLS
 * with a certificate, and an HTTPRoute that attaches to a plain-HTTP listener of a Gateway in
 * the set (by its `sectionName`, or by naming none) only redirects to HTTPS.
 * @example checkGatewayRoutes(objects) // [] when HTTP only ever redirects
 */
export function checkGatewayRoutes(objects: readonly KubernetesObject[]): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const gateways = objects.filter((o) => isGatewayApi(o, 'Gateway'));
  for (const gateway of gateways) {
    listenersOf(gateway).forEach((listener, i) => {
      const tls = listener.tls;
      if (
        listener.protocol === 'HTTPS' &&
        ((tls?.mode ?? 'Terminate') !== 'Terminate' || (tls?.certificateRefs ?? []).length === 0)
      )
        violations.push({
          rule: 'standards/gateway-tls',
          object: describeObject(gateway),
          path: `/spec/listeners/${i}/tls`,
          message: 'an HTTPS listener must terminate TLS with a certificateRef',
        });
    });
  }
  for (const route of objects.filter((o) => isGatewayApi(o, 'HTTPRoute'))) {
    const spec = route.spec as { parentRefs?: readonly ParentRef[]; rules?: readonly RouteRule[] };
    const onlyRedirects = (spec?.rules ?? []).every(redirectsToHttps);
    (spec?.parentRefs ?? []).forEach((ref, i) => {
      if ((ref.kind ?? 'Gateway') !== 'Gateway' || (ref.group ?? gatewayGroup) !== gatewayGroup)
        return;
      const namespace = ref.namespace ?? route.metadata?.namespace;
      const gateway = gateways.find(
        (g) => g.metadata?.name === ref.name && g.metadata?.namespace === namespace,
      );
      const plainHttp = (gateway ? listenersOf(gateway) : []).filter(
        (l) =>
          l.protocol === 'HTTP' && (ref.sectionName === undefined || l.name === ref.sectionName),
      );
      if (plainHttp.length > 0 && !onlyRedirects)
        violations.push({
          rule: 'standards/gateway-http-redirect',
          object: describeObject(route),
          path: `/spec/parentRefs/${i}`,
          message: `attaches to the plain-HTTP listener '${plainHttp[0]?.name}' of Gateway ${namespace}/${ref.name}: name the HTTPS listener in sectionName (HTTP only redirects to HTTPS)`,
        });
    });
  }
  return violations;
}
