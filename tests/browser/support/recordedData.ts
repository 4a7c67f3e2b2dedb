/**
 * The data set behind tests/browser/fixtures: what recordFixtures.ts pushes into a real Pyroscope (the shared
 * pprof fixtures) and the queries and resource paths it records through Grafana's client. Tests import the
 * same names, so a query here is answered by the host exactly as Grafana answered it when it was recorded.
 */

export const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
export const CPU_SAMPLES = 'process_cpu:samples:count:cpu:nanoseconds';
export const WALL = 'wall:wall:microseconds:wall:microseconds';

/** Every recorded query and resource covers the hour before the recording, as the page's default range does. */
export const RECORDED_SPAN_MS = 60 * 60_000;

const CHECKOUT_1_0 = '{service_name="checkout", version="1.0"}';
const CHECKOUT_1_1 = '{service_name="checkout", version="1.1"}';

/** One upload: a shared pprof fixture pushed `minutesAgo` before the recording, as service + tags. */
export type Push = {
  fixture: string;
  service: string;
  tags: Record<string, string>;
  minutesAgo: number;
  /** The type recordFixtures waits for before it queries. */
  profileTypeId: string;
};

/**
 * `checkout` is a Go service deployed twice: version 1.0 ran go.cpu.labels.pprof (hottest: main.work) and
 * cpu.pb.gz (runtime.kevent …); version 1.1 runs go.cpu.labels.pprof twice as often and adds
 * single_group_with_optional_span_id.pb.gz (runtime.memmove …) three times. So in the 1.0 → 1.1 diff,
 * runtime.kevent is removed, runtime.memmove is new, and main.work doubles in CPU time (+100 %, absolute)
 * while its share of the total shrinks (relative).
 */
export const PUSHES: Push[] = [
  {
    fixture: 'go.cpu.labels.pprof',
    service: 'checkout',
    tags: { env: 'prod', version: '1.0' },
    minutesAgo: 50,
    profileTypeId: CPU,
  },
  {
    fixture: 'cpu.pb.gz',
    service: 'checkout',
    tags: { env: 'prod', version: '1.0' },
    minutesAgo: 45,
    profileTypeId: CPU,
  },
  {
    fixture: 'go.cpu.labels.pprof',
    service: 'checkout',
    tags: { env: 'prod', version: '1.1' },
    minutesAgo: 20,
    profileTypeId: CPU,
  },
  {
    fixture: 'go.cpu.labels.pprof',
    service: 'checkout',
    tags: { env: 'prod', version: '1.1' },
    minutesAgo: 15,
    profileTypeId: CPU,
  },
  ...[12, 9, 6].map((minutesAgo) => ({
    fixture: 'single_group_with_optional_span_id.pb.gz',
    service: 'checkout',
    tags: { env: 'prod', version: '1.1' },
    minutesAgo,
    profileTypeId: CPU,
  })),
  {
    fixture: 'java-cpu.pprof',
    service: 'payments',
    tags: { env: 'prod', version: '3.2' },
    minutesAgo: 30,
    profileTypeId: CPU,
  },
  {
    fixture: 'nodejs-wall-express.pprof',
    service: 'frontend',
    tags: { env: 'staging' },
    minutesAgo: 25,
    profileTypeId: WALL,
  },
];

/** Queries recorded into tests/browser/fixtures/<name>.json (Grafana's /api/ds/query body for each). */
export const RECORDED_QUERIES = {
  'profile-checkout-cpu': {
    queryType: 'profile',
    profileTypeId: CPU,
    labelSelector: '{service_name="checkout"}',
  },
  'both-checkout-cpu': {
    queryType: 'both',
    profileTypeId: CPU,
    labelSelector: '{service_name="checkout"}',
  },
  'metrics-checkout-cpu': {
    queryType: 'metrics',
    profileTypeId: CPU,
    labelSelector: '{service_name="checkout"}',
  },
  'metrics-checkout-cpu-by-version': {
    queryType: 'metrics',
    profileTypeId: CPU,
    labelSelector: '{service_name="checkout"}',
    groupBy: ['version'],
  },
  'diff-checkout-cpu-versions': {
    queryType: 'diff',
    profileTypeId: CPU,
    labelSelector: '{service_name="checkout", version="1.0"}',
    comparison: { labelSelector: '{service_name="checkout", version="1.1"}' },
  },
  'profile-payments-cpu': {
    queryType: 'profile',
    profileTypeId: CPU,
    labelSelector: '{service_name="payments"}',
  },
  'profile-frontend-wall': {
    queryType: 'profile',
    profileTypeId: WALL,
    labelSelector: '{service_name="frontend"}',
  },
  // What the Profiles page asks for checkout with a version filter, in its other profile type, and in a diff
  // of the two versions over its default range.
  'profile-checkout-cpu-1.0': { queryType: 'profile', profileTypeId: CPU, labelSelector: CHECKOUT_1_0 },
  'profile-checkout-cpu-1.1': { queryType: 'profile', profileTypeId: CPU, labelSelector: CHECKOUT_1_1 },
  'metrics-checkout-cpu-1.0': { queryType: 'metrics', profileTypeId: CPU, labelSelector: CHECKOUT_1_0 },
  'metrics-checkout-cpu-1.1': { queryType: 'metrics', profileTypeId: CPU, labelSelector: CHECKOUT_1_1 },
  'profile-checkout-samples': {
    queryType: 'profile',
    profileTypeId: CPU_SAMPLES,
    labelSelector: '{service_name="checkout"}',
  },
  'metrics-checkout-samples': {
    queryType: 'metrics',
    profileTypeId: CPU_SAMPLES,
    labelSelector: '{service_name="checkout"}',
  },
  /**
   * The page's diff carries the comparison's absolute range. Here it is relative to the recording's end:
   * recordFixtures.ts makes it absolute, and the host matches it at the same place relative to a request's
   * end (tests/browser/host/queryMatches.ts).
   */
  'diff-page-checkout-versions': {
    queryType: 'diff',
    profileTypeId: CPU,
    labelSelector: CHECKOUT_1_0,
    comparison: { profileTypeId: CPU, labelSelector: CHECKOUT_1_1, timeRange: { fromMs: -RECORDED_SPAN_MS, toMs: 0 } },
  },
  'profile-nothing-in-range': {
    queryType: 'profile',
    profileTypeId: CPU,
    labelSelector: '{service_name="not-deployed"}',
  },
} satisfies Record<string, Record<string, unknown>>;

export type RecordedQueryName = keyof typeof RECORDED_QUERIES;

/** Resource paths (after /resources/, without from/to) recorded into tests/browser/fixtures/resources.json. */
export const RECORDED_RESOURCES = [
  'services',
  'profile-types',
  'label-names',
  'label-names?selector={service_name="checkout"}',
  'label-values?label=service_name',
  'label-values?label=env',
  'label-values?label=version',
  'label-values?label=env&selector={service_name="checkout"}',
  'label-values?label=version&selector={service_name="checkout"}',
];
