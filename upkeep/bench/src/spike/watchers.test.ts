import { describe, expect, it } from 'vitest';
import { gaugeValue } from './watchers.ts';

const exposition = `# HELP http_requests_in_flight Requests admitted whose response has not ended.
# TYPE http_requests_in_flight gauge
http_requests_in_flight 3
http_requests_in_flight_max 9
http_requests_shed_total{reason="in_flight"} 12
http_requests_shed_total{reason="event_loop_delay"} 4
`;

describe('gaugeValue', () => {
  it('should read a gauge without labels, not one whose name only starts the same', () => {
    expect(gaugeValue(exposition, 'http_requests_in_flight')).toBe(3);
  });

  it('should sum a metric over its label sets', () => {
    expect(gaugeValue(exposition, 'http_requests_shed_total')).toBe(16);
  });

  it('should be undefined when the metric is absent', () => {
    expect(gaugeValue(exposition, 'http_requests_queued')).toBeUndefined();
  });
});
