import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  SimpleSpanProcessor,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

import { findAgentModule } from './findAgentModule';

export const DEFAULT_SERVICE_NAME = 'trigs-api';

export type Tracing = {
  tracer: Tracer;
  /** Where finished spans go: `otlp`, `console`, `none` (spans are made, e.g. for span profiles, but not sent) or `disabled`. */
  exporter: 'otlp' | 'console' | 'none' | 'disabled';
  /** Whether the profiling agent's span processor (span profiles) is registered. */
  spanProfiles: boolean;
  shutdown(): Promise<void>;
};

/**
 * OpenTelemetry tracing from the standard environment variables:
 * - `OTEL_SDK_DISABLED=true`: no SDK at all (every span is a no-op);
 * - `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT`: OTLP/HTTP export (batched);
 * - `OTEL_TRACES_EXPORTER=console`: spans printed to stdout instead; `none`: never exported;
 * - no endpoint: spans are still created (the agent's span profiles need them) but not exported;
 * - `OTEL_SERVICE_NAME` (default `trigs-api`) and `OTEL_RESOURCE_ATTRIBUTES` describe the service.
 */
export function startTracing(env: NodeJS.ProcessEnv): Tracing {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return {
      tracer: trace.getTracer(DEFAULT_SERVICE_NAME),
      exporter: 'disabled',
      spanProfiles: false,
      shutdown: async () => {},
    };
  }
  const processors: SpanProcessor[] = [];
  const agentProcessor = findAgentModule()?.createSpanProcessor?.();
  if (agentProcessor) {
    processors.push(agentProcessor);
  }
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((name) => name.trim().toLowerCase());
  let exporter: Tracing['exporter'] = 'none';
  if (exporters.includes('console')) {
    processors.push(new SimpleSpanProcessor(new ConsoleSpanExporter()));
    exporter = 'console';
  } else if (
    !exporters.includes('none') &&
    (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT)
  ) {
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));
    exporter = 'otlp';
  }
  const resource = defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: DEFAULT_SERVICE_NAME }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: processors });
  provider.register();
  return {
    tracer: trace.getTracer(DEFAULT_SERVICE_NAME),
    exporter,
    spanProfiles: agentProcessor !== undefined,
    shutdown: () => provider.shutdown(),
  };
}
