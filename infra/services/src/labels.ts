import { productNames } from '@slipway/platform-contract';
import { imageVersion } from './image-reference.ts';

/** What {@link standardLabels} needs to know about a service. */
export interface LabelSource {
  /** The service name (`app.kubernetes.io/name`). */
  readonly name: string;
  /** The environment; with the name it forms `app.kubernetes.io/instance`. */
  readonly environment: string;
  /** The container image; its tag (else its digest) becomes `app.kubernetes.io/version`. */
  readonly image: string;
  /** Public services are `edge`, internal ones `backend` (`app.kubernetes.io/component`). */
  readonly public: boolean;
}

/** The system every service belongs to (`app.kubernetes.io/part-of`): the product's name. */
export const partOf = productNames.partOf;

/**
 * The labels that select a service's pods: stable across releases, unlike `version`, because
 * a Deployment's selector is immutable.
 * @example selectorLabels('orders', 'dev') // { 'app.kubernetes.io/name': 'orders', 'app.kubernetes.io/instance': 'orders-dev' }
 */
export function selectorLabels(name: string, environment: string): Record<string, string> {
  return { 'app.kubernetes.io/name': name, 'app.kubernetes.io/instance': `${name}-${environment}` };
}

/**
 * The six Kubernetes recommended labels for every object of a service.
 * @example standardLabels({ name: 'orders', environment: 'dev', image: 'ghcr.io/acme/orders:1.4.2', public: false })
 */
export function standardLabels(source: LabelSource): Record<string, string> {
  return {
    ...selectorLabels(source.name, source.environment),
    'app.kubernetes.io/version': imageVersion(source.image),
    'app.kubernetes.io/component': source.public ? 'edge' : 'backend',
    'app.kubernetes.io/part-of': partOf,
    'app.kubernetes.io/managed-by': 'pulumi',
  };
}
