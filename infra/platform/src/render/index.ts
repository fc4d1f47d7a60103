export { platformProject, type RecordedResource } from './record-platform.ts';
export {
  maskedSecret,
  maskSecrets,
  type RenderedObject,
  type RenderedPlatform,
  type RenderedRelease,
  renderPlatform,
} from './render-platform.ts';
