import { describe, expect, it } from 'vitest';
import {
  edgeProblems,
  type GatewayObject,
  gatewayProblems,
  type HttpRouteObject,
  type PolicyObject,
  policyProblems,
  routeProblems,
} from './gateway-status.ts';

const gateway = (conditions: GatewayObject['status'] = {}, generation = 2): GatewayObject => ({
  metadata: { name: 'public', namespace: 'slipway-e2e', generation },
  status: conditions,
});

const programmed = { type: 'Programmed', status: 'True', observedGeneration: 2 };
const accepted = { type: 'Accepted', status: 'True', observedGeneration: 1 };
const resolved = { type: 'ResolvedRefs', status: 'True', observedGeneration: 1 };

const route = (parents: NonNullable<HttpRouteObject['status']>['parents']): HttpRouteObject => ({
  metadata: { name: 'gateway', namespace: 'slipway-e2e', generation: 1 },
  spec: { hostnames: ['gateway.e2e.slipway.test'] },
  status: { parents },
});

describe('gatewayProblems', () => {
  it('passes a Gateway that is Programmed=True for its generation', () => {
    expect(gatewayProblems(gateway({ conditions: [programmed] }))).toEqual([]);
  });

  it.each([
    ['no status yet', {}, 'Programmed not reported yet'],
    [
      'not programmed',
      {
        conditions: [
          {
            type: 'Programmed',
            status: 'False',
            reason: 'AddressNotAssigned',
            message: 'No addresses',
            observedGeneration: 2,
          },
        ],
      },
      'Programmed=False (AddressNotAssigned: No addresses)',
    ],
    [
      'a stale condition',
      { conditions: [{ ...programmed, observedGeneration: 1 }] },
      'Programmed is for generation 1, not 2',
    ],
  ])('names %s', (_, status, why) => {
    expect(gatewayProblems(gateway(status))).toEqual([`Gateway slipway-e2e/public: ${why}`]);
  });
});

describe('routeProblems', () => {
  it('passes a route every parent Accepted with its refs resolved', () => {
    expect(
      routeProblems(route([{ parentRef: { name: 'public' }, conditions: [accepted, resolved] }])),
    ).toEqual([]);
  });

  it('names a route no Gateway has reported on yet', () => {
    expect(routeProblems(route([]))).toEqual([
      'HTTPRoute slipway-e2e/gateway: no Gateway reports it yet',
    ]);
  });

  it('names each unmet condition per parent', () => {
    const backendMissing = {
      type: 'ResolvedRefs',
      status: 'False',
      reason: 'BackendNotFound',
      message: 'service gateway not found',
      observedGeneration: 1,
    };
    expect(
      routeProblems(
        route([
          { parentRef: { name: 'public' }, conditions: [accepted, backendMissing] },
          { parentRef: { name: 'internal' }, conditions: [resolved] },
        ]),
      ),
    ).toEqual([
      'HTTPRoute slipway-e2e/gateway on public: ResolvedRefs=False (BackendNotFound: service gateway not found)',
      'HTTPRoute slipway-e2e/gateway on internal: Accepted not reported yet',
    ]);
  });
});

const policy = (
  ancestors: NonNullable<PolicyObject['status']>['ancestors'],
  name = 'gateway-other',
): PolicyObject => ({
  metadata: { name, namespace: 'slipway-e2e', generation: 1 },
  status: { ancestors },
});

describe('policyProblems', () => {
  it('passes a policy every Gateway it hangs off reports Accepted', () => {
    const ancestors = [{ ancestorRef: { name: 'public' }, conditions: [accepted] }];
    expect(policyProblems('BackendTrafficPolicy', policy(ancestors))).toEqual([]);
  });

  it('names a policy no Gateway has reported on yet: its target may not exist', () => {
    expect(policyProblems('BackendTrafficPolicy', policy([]))).toEqual([
      'BackendTrafficPolicy slipway-e2e/gateway-other: no Gateway reports it yet',
    ]);
  });

  it('names a policy Envoy Gateway refused, with the listener it targets', () => {
    const invalid = {
      type: 'Accepted',
      status: 'False',
      reason: 'Invalid',
      message: 'TLS version 1.4 is invalid',
      observedGeneration: 1,
    };
    const ancestors = [
      { ancestorRef: { name: 'public', sectionName: 'https' }, conditions: [invalid] },
    ];
    expect(policyProblems('ClientTrafficPolicy', policy(ancestors, 'public-https'))).toEqual([
      'ClientTrafficPolicy slipway-e2e/public-https on public/https: Accepted=False (Invalid: TLS version 1.4 is invalid)',
    ]);
  });
});

describe('edgeProblems', () => {
  const acceptedPolicy = policy([{ ancestorRef: { name: 'public' }, conditions: [accepted] }]);
  const policies = {
    ClientTrafficPolicy: [acceptedPolicy],
    BackendTrafficPolicy: [acceptedPolicy],
  };

  it('is empty when the Gateway, every route and every policy are ready', () => {
    const ready = route([{ parentRef: { name: 'public' }, conditions: [accepted, resolved] }]);
    expect(edgeProblems([gateway({ conditions: [programmed] })], [ready], policies)).toEqual([]);
  });

  it('does not call an empty namespace ready', () => {
    expect(edgeProblems([], [], { ClientTrafficPolicy: [], BackendTrafficPolicy: [] })).toEqual([
      'no Gateway yet',
      'no HTTPRoute yet',
      'no ClientTrafficPolicy yet',
      'no BackendTrafficPolicy yet',
    ]);
  });

  it('does not call an edge ready while a policy is not accepted', () => {
    const ready = route([{ parentRef: { name: 'public' }, conditions: [accepted, resolved] }]);
    const pending = { ...policies, BackendTrafficPolicy: [acceptedPolicy, policy([])] };
    expect(edgeProblems([gateway({ conditions: [programmed] })], [ready], pending)).toEqual([
      'BackendTrafficPolicy slipway-e2e/gateway-other: no Gateway reports it yet',
    ]);
  });
});
