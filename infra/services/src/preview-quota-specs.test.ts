import { describe, expect, it } from 'vitest';
import { type ServiceManifest, validateServiceManifest } from '@slipway/service-manifest';
import { previewLimitRangeSpec, previewQuotaSpec } from './preview-quota-specs.ts';

const service = (name: string, resources: unknown): ServiceManifest =>
  validateServiceManifest({ name, port: 3000, resources }, { file: `${name}.yaml`, folder: name });

const small = service('small', {
  requests: { cpu: '100m', memory: '128Mi', ephemeralStorage: '64Mi' },
  limits: { memory: '256Mi', ephemeralStorage: '256Mi' },
});
const large = service('large', {
  requests: { cpu: '0.5', memory: '512Mi', ephemeralStorage: '128Mi' },
  limits: { memory: '1Gi', ephemeralStorage: '512Mi' },
});

describe('previewQuotaSpec', () => {
  it('sums the requests and limits of the deployed services, times two pods each (one, plus the rollout surge)', () => {
    expect(previewQuotaSpec([small, large]).hard).toEqual({
      pods: '4',
      'requests.cpu': '1200m',
      'requests.memory': '1280Mi',
      'limits.memory': '2560Mi',
      'requests.ephemeral-storage': '384Mi',
      'limits.ephemeral-storage': '1536Mi',
      'services.loadbalancers': '0',
      'services.nodeports': '0',
    });
  });

  it('puts no quota on CPU limits, which the services do not set', () => {
    expect(previewQuotaSpec([small]).hard).not.toHaveProperty('limits.cpu');
  });
});

describe('previewLimitRangeSpec', () => {
  it("caps a container at the largest limit and gives one that declares nothing the smallest manifest's", () => {
    expect(previewLimitRangeSpec([small, large]).limits).toEqual([
      {
        type: 'Container',
        max: { memory: '1Gi', 'ephemeral-storage': '512Mi' },
        default: { memory: '256Mi', 'ephemeral-storage': '256Mi' },
        defaultRequest: { cpu: '100m', memory: '128Mi', 'ephemeral-storage': '64Mi' },
      },
    ]);
  });
});
