export { type CollectedSpans, collectSpans } from './collect-spans.ts';
export { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from './otlp-receiver.ts';
