export { addonNamespaces, chartPods, chartPodsOutsideTheRender } from './chart-pods.ts';
export { platformProject } from './record-platform.ts';
export { type RenderedPlatform, type RenderedRelease, renderPlatform } from './render-platform.ts';
