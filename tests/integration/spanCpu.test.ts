import { CPU_PROFILE_TYPE } from '../../src/traces/LinkSettings';
import { launchPyroscope, type RunningPyroscope } from '../pyroscope/launchPyroscope';
import { grafanaClient, type GrafanaSettings } from '../support/grafanaClient';
import type { ReceivedSpan } from '../support/startOtlpReceiver';
import { traceSampleRequests } from '../support/traceSampleRequests';

const SERVICE = 'trigs-span-cpu';
const SELECTOR = `{service_name="${SERVICE}"}`;

type SpanCpuBody = { spans: Array<{ spanId: string; total: number }>; serviceTotal: number; unit: string };
type Answer<T> = { status: number; body: T };

let pyroscope: RunningPyroscope;
let settings: GrafanaSettings;
let profiled: ReceivedSpan[];
let fromMs: number;
let toMs: number;

beforeAll(async () => {
  pyroscope = await launchPyroscope();
  settings = { url: pyroscope.url };
  const spans = await traceSampleRequests(pyroscope.url, SERVICE);
  // The local root spans: the ones whose id labels the CPU samples of their request.
  profiled = spans.filter((span) => span.attributes['pyroscope.profile.id'] === span.spanId);
  const starts = profiled.map((span) => Number(BigInt(span.startTimeUnixNano) / 1_000_000n));
  const ends = profiled.map((span) => Number(BigInt(span.endTimeUnixNano) / 1_000_000n));
  fromMs = Math.min(...starts);
  toMs = Math.max(...ends) + 1;
});

afterAll(async () => {
  await pyroscope?.stop();
});

/** POST span-cpu through Grafana's client, as the Profiles page sends it. */
async function spanCpu<T = SpanCpuBody>(body: unknown): Promise<Answer<T>> {
  const result = await grafanaClient<Answer<T>>('resource', settings, [
    '--path',
    'span-cpu',
    '--method',
    'POST',
    '--body',
    typeof body === 'string' ? body : JSON.stringify(body),
  ]);
  if (result.exitCode !== 0 || !result.json) {
    throw new Error(`grafana-client resource span-cpu failed (exit ${result.exitCode}): ${result.stderr}`);
  }
  return result.json;
}

const named = (part: string) => profiled.filter((span) => span.name.includes(part));
/** `count` spans from the middle of the run, away from its warm-up and its last, partly flushed, upload. */
const middle = (spans: ReceivedSpan[], count: number) => {
  const start = Math.max(0, Math.floor((spans.length - count) / 2));
  return spans.slice(start, start + count);
};
const sum = (values: number[]) => values.reduce((all, value) => all + value, 0);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('span-cpu against the sample app and a real Pyroscope', () => {
  it("answers each real span's CPU: a slow report's far above an image request's, all within the service's", async () => {
    // 50 of each (the endpoint's limit is 100 ids): enough that sampling noise cannot close the gap below.
    const slow = middle(named('/v1/reports/slow'), 50);
    const images = middle(named('/v1/images/process'), 50);
    expect(slow.length).toBeGreaterThan(0);
    expect(images.length).toBeGreaterThan(0);
    const spanIds = [...slow, ...images].map((span) => span.spanId);

    const answer = await spanCpu({
      profileTypeId: CPU_PROFILE_TYPE,
      labelSelector: SELECTOR,
      from: fromMs,
      to: toMs,
      spanIds,
    });

    expect(answer).toMatchObject({ status: 200, body: { unit: 'nanoseconds' } });
    expect(answer.body.spans.map((span) => span.spanId)).toEqual(spanIds);
    const totalOf = new Map(answer.body.spans.map((span) => [span.spanId, span.total]));
    const slowTotals = slow.map((span) => totalOf.get(span.spanId)!);
    const imageTotals = images.map((span) => totalOf.get(span.spanId)!);
    // A slow report runs a quadratic search over 7,000 ids (15–20 ms of CPU, 1–2 samples at 100 Hz); an
    // image request blurs 128×128 pixels in 3–4 ms, mostly between two samples. So the slow reports' sum is
    // 4.5–6.5× the images' (4.5× in a busy CI run); 2× leaves room for sampling noise, while samples
    // labelled with the wrong span would bring the two sums together.
    expect(median(slowTotals)).toBeGreaterThan(median(imageTotals));
    expect(sum(slowTotals)).toBeGreaterThan(2 * sum(imageTotals));
    expect(sum(answer.body.spans.map((span) => span.total))).toBeLessThanOrEqual(answer.body.serviceTotal);
    expect(answer.body.serviceTotal).toBeGreaterThan(0);
  });

  it("answers a span of another service with 0: the selector narrows to the page's service", async () => {
    const [span] = named('/v1/reports/slow');
    const answer = await spanCpu({
      profileTypeId: CPU_PROFILE_TYPE,
      labelSelector: '{service_name="no-such-service"}',
      from: fromMs,
      to: toMs,
      spanIds: [span!.spanId],
    });

    expect(answer.status).toBe(200);
    expect(answer.body.spans).toEqual([{ spanId: span!.spanId, total: 0 }]);
  });

  it('answers a bad span id with 400 and what to change, through Grafana', async () => {
    const answer = await spanCpu<{ message: string; kind: string }>({
      profileTypeId: CPU_PROFILE_TYPE,
      labelSelector: SELECTOR,
      from: fromMs,
      to: toMs,
      spanIds: ['not-a-span'],
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ kind: 'bad_request', message: expect.stringContaining('not 16 hex characters') });
  });
});
