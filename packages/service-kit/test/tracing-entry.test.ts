import { afterEach, describe, expect, it } from 'vitest';
import { type OtlpReceiver, startOtlpReceiver } from '../src/testing/otlp-receiver.ts';
import { type ChildService, spawnFixture } from './helpers/child-service.ts';

let fixture: ChildService | undefined;
let receiver: OtlpReceiver | undefined;
afterEach(async () => {
  fixture?.child.kill('SIGKILL');
  fixture = undefined;
  await receiver?.close();
});

// The whole path a service takes: Node loads the entry point before the service's modules,
// the kit traces the request, the batch goes over OTLP/HTTP, and the graceful shutdown sends it.
describe('node --import @slipway/service-kit/tracing', () => {
  it('should export the span of a real request on shutdown, with its trace id in the log', async () => {
    receiver = await startOtlpReceiver();
    fixture = await spawnFixture(
      'traced-server',
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
        OTEL_SERVICE_NAME: 'traced-server',
        OTEL_RESOURCE_ATTRIBUTES: 'deployment.environment.name=test,service.name=ignored',
        // Far beyond the test: only the shutdown's flush can send the span.
        OTEL_BSP_SCHEDULE_DELAY: '600000',
      },
      { imports: ['@slipway/service-kit/tracing'] },
    );
    const response = await fetch(`http://127.0.0.1:${fixture.port}/items/7`);
    expect(response.status).toBe(200);
    expect(receiver.spans).toEqual([]);

    fixture.child.kill('SIGTERM');
    expect(await fixture.exited).toBe(0);

    const [span, ...others] = receiver.spans;
    expect(others).toEqual([]);
    expect(span).toMatchObject({
      serviceName: 'traced-server',
      name: 'GET /items/:id',
      kind: 2, // SERVER in OTLP's numbering
      attributes: { 'http.route': '/items/:id', 'http.response.status_code': 200 },
      resource: { 'deployment.environment.name': 'test', 'telemetry.sdk.language': 'nodejs' },
    });
    const lines = fixture
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const itemLine = lines.find((line) => line.msg === 'item read');
    expect(itemLine).toMatchObject({ trace_id: span?.traceId, span_id: span?.spanId });
  });

  it('should exit 0 with a warning when the collector is down at shutdown', async () => {
    const gone = await startOtlpReceiver();
    await gone.close();
    fixture = await spawnFixture(
      'traced-server',
      { OTEL_EXPORTER_OTLP_ENDPOINT: gone.endpoint, OTEL_BSP_SCHEDULE_DELAY: '600000' },
      { imports: ['@slipway/service-kit/tracing'] },
    );
    expect((await fetch(`http://127.0.0.1:${fixture.port}/items/7`)).status).toBe(200);
    fixture.child.kill('SIGTERM');
    expect(await fixture.exited).toBe(0);
    expect(fixture.output()).toContain('the last spans were not sent');
  });

  it('should warn, naming the flag, when the endpoint is set but the entry point was not loaded', async () => {
    receiver = await startOtlpReceiver();
    fixture = await spawnFixture('traced-server', {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    });
    await fixture.waitForOutput('tracing did not start');
    expect(fixture.output()).toContain('--import @slipway/service-kit/tracing');
  });

  it('should start no tracing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    receiver = await startOtlpReceiver();
    fixture = await spawnFixture(
      'traced-server',
      { OTEL_EXPORTER_OTLP_ENDPOINT: '' },
      { imports: ['@slipway/service-kit/tracing'] },
    );
    await fetch(`http://127.0.0.1:${fixture.port}/items/7`);
    fixture.child.kill('SIGTERM');
    expect(await fixture.exited).toBe(0);
    const line = fixture
      .output()
      .split('\n')
      .find((text) => text.includes('item read'));
    expect(line).toBeDefined();
    expect(line).not.toContain('trace_id');
  });
});
