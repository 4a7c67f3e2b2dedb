import { node24 } from '../../agent/scripts/node24';
import { MIXES } from '../../samples/load-generator/src/mixes';
import { runLoad } from '../../samples/load-generator/src/runLoad';
import { waitForProfiles } from './pyroscopeDirect';
import { type ReceivedSpan, startOtlpReceiver } from './startOtlpReceiver';
import { startSampleApp } from './startSampleApp';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';

/**
 * The sample app on Node 24 (exact span labels) with our agent, traced by the real OpenTelemetry SDK:
 * image requests and slow reports run concurrently for a while; resolves, once their profiles are in
 * Pyroscope, with every span the app exported (stopped by then).
 */
export async function traceSampleRequests(pyroscopeUrl: string, service: string): Promise<ReceivedSpan[]> {
  const otlp = await startOtlpReceiver();
  try {
    const app = await startSampleApp(
      'ours',
      {
        PYROSCOPE_SERVER_ADDRESS: pyroscopeUrl,
        PYROSCOPE_APPLICATION_NAME: service,
        OTEL_SERVICE_NAME: service,
        PYROSCOPE_UPLOAD_INTERVAL: '3s',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`,
      },
      node24()
    );
    try {
      await Promise.all([
        runLoad({ url: app.url, concurrency: 2, mix: MIXES.image!, mixName: 'image', durationS: 12 }),
        runLoad({ url: app.url, concurrency: 1, mix: MIXES.slow_report!, mixName: 'slow_report', durationS: 12 }),
      ]);
    } finally {
      // Stopping flushes the agent's last window and the tracer's last batch.
      await app.stop();
    }
    const now = Date.now();
    await waitForProfiles(pyroscopeUrl, CPU, `{service_name="${service}"}`, now - 600000, now + 60000);
    return otlp.spans();
  } finally {
    await otlp.close();
  }
}
