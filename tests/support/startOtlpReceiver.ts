import { startHttpServer, type TestServer } from './startHttpServer';

export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, string>;
  /** Epoch ns as decimal text (OTLP's fixed64). */
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** The resource's attributes (service.name, …). */
  resource: Record<string, string>;
};

export type OtlpReceiver = TestServer & { spans(): ReceivedSpan[] };

type OtlpJson = {
  resourceSpans?: Array<{
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: Array<{
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        startTimeUnixNano?: string | number;
        endTimeUnixNano?: string | number;
        attributes?: OtlpAttribute[];
      }>;
    }>;
  }>;
};

type OtlpAttribute = { key: string; value: { stringValue?: string } };

const attributeMap = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(attributes.map((a) => [a.key, a.value.stringValue ?? '']));

/** Collects the spans the OpenTelemetry OTLP/HTTP (JSON) exporter sends, as a tracing backend would. */
export async function startOtlpReceiver(): Promise<OtlpReceiver> {
  const received: ReceivedSpan[] = [];
  const server = await startHttpServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpJson;
        for (const resource of body.resourceSpans ?? []) {
          const resourceAttributes = attributeMap(resource.resource?.attributes);
          for (const scope of resource.scopeSpans ?? []) {
            for (const span of scope.spans ?? []) {
              received.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                attributes: attributeMap(span.attributes),
                startTimeUnixNano: String(span.startTimeUnixNano ?? 0),
                endTimeUnixNano: String(span.endTimeUnixNano ?? 0),
                resource: resourceAttributes,
              });
            }
          }
        }
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end('{}');
      } catch {
        response.writeHead(400);
        response.end();
      }
    });
  });
  return { ...server, spans: () => [...received] };
}
