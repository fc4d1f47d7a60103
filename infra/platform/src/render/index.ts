export { platformProject, type RecordedResource } from './record-platform.js';
export {
  maskedSecret,
  maskSecrets,
  type RenderedObject,
  type RenderedPlatform,
  type RenderedRelease,
  renderPlatform,
} from './render-platform.js';
