export { platformProject } from './record-platform.js';
export { type RenderedPlatform, type RenderedRelease, renderPlatform } from './render-platform.js';
