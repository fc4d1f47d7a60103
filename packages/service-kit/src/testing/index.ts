export { type CollectedSpans, collectSpans } from './collect-spans.ts';
