import { describe, expect, it } from 'vitest';
import {
  edgeProblems,
  type GatewayObject,
  gatewayProblems,
  type HttpRouteObject,
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

describe('edgeProblems', () => {
  it('is empty when the Gateway and every route are ready', () => {
    const ready = route([{ parentRef: { name: 'public' }, conditions: [accepted, resolved] }]);
    expect(edgeProblems([gateway({ conditions: [programmed] })], [ready])).toEqual([]);
  });

  it('does not call an empty namespace ready', () => {
    expect(edgeProblems([], [])).toEqual(['no Gateway yet', 'no HTTPRoute yet']);
  });
});
