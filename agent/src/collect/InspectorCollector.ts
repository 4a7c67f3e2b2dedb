import inspector from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { ScopeLabeler } from '../labels/ScopeLabeler';
import { TimelineSink } from '../labels/TimelineSink';
import type { Logger } from '../log/Logger';
import { flattenInspectorProfile, sampleTimes } from '../pprof/flattenInspectorProfile';
import { FrameTable } from '../pprof/FrameTable';
import type { InspectorProfile } from '../pprof/InspectorProfile';
import type { Collector, CollectorStats, OnProfile } from './Collector';
import { WindowEncoder } from './WindowEncoder';

type V8Console = { profile(title: string): void; profileEnd(title: string): void };

const TITLE_PREFIX = 'pyroscope-agent-';

/**
 * V8's CPU profiler through an in-process `node:inspector` session, with overlapped windows: the next
 * window's profile starts (`console.profile`) before the last one ends (`console.profileEnd`), so V8's
 * profiler and its code map live on and nothing is re-logged. Ending a window costs V8's JSON serialization
 * and Node's JSON.parse of it on the main thread; labelling, conversion and encoding follow in later
 * macrotasks (`WindowEncoder`). No worker thread: one would add ~10 MB of RSS.
 */
export class InspectorCollector implements Collector {
  readonly kind = 'inspector' as const;
  readonly sink = new TimelineSink();
  private readonly frames: FrameTable;
  private readonly labeler = new ScopeLabeler();
  private readonly encoder: WindowEncoder;
  private session: inspector.Session | undefined;
  private title = '';
  private sequence = 0;
  private windowStartMs = 0;
  private finished: InspectorProfile | undefined;
  private readonly console = (inspector as unknown as { console: V8Console }).console;

  constructor(
    private readonly sampleRate: number,
    onProfile: OnProfile,
    log: Logger
  ) {
    this.frames = new FrameTable();
    this.encoder = new WindowEncoder(this.frames, onProfile, log);
  }

  async start(): Promise<void> {
    const session = new inspector.Session();
    session.connect();
    session.on('Profiler.consoleProfileFinished', (message) => {
      const params = message.params as { title?: string; profile: InspectorProfile };
      if (params.title?.startsWith(TITLE_PREFIX)) {
        this.finished = params.profile;
      }
    });
    const post = (method: string, params?: object): Promise<void> =>
      new Promise((resolve, reject) => session.post(method, params, (error) => (error ? reject(error) : resolve())));
    await post('Profiler.enable');
    // Read when V8's profiler is created, i.e. before the first profile starts.
    await post('Profiler.setSamplingInterval', { interval: Math.round(1_000_000 / this.sampleRate) });
    this.session = session;
    this.begin();
  }

  rotate(): void {
    if (this.session === undefined) {
      return;
    }
    const started = performance.now();
    const previous = this.title;
    const startMs = this.windowStartMs;
    this.begin(); // the next window starts before the previous one ends
    this.end(previous, startMs, this.windowStartMs);
    this.encoder.noteRotation(performance.now() - started);
  }

  async stop(deadlineMs: number): Promise<void> {
    const session = this.session;
    if (session === undefined) {
      return;
    }
    this.end(this.title, this.windowStartMs, Date.now());
    this.session = undefined;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.encoder.idle(),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, Math.max(0, deadlineMs - Date.now()));
      }),
    ]);
    clearTimeout(timer);
    session.disconnect();
  }

  stats(): CollectorStats {
    return { ...this.encoder.counters };
  }

  private begin(): void {
    this.title = `${TITLE_PREFIX}${++this.sequence}`;
    this.windowStartMs = Date.now();
    this.console.profile(this.title);
  }

  private end(title: string, startMs: number, untilMs: number): void {
    this.finished = undefined;
    this.console.profileEnd(title); // the session's listener receives the profile synchronously
    const profile = this.finished as InspectorProfile | undefined;
    this.finished = undefined;
    const scopes = this.sink.drain();
    this.labeler.apply(scopes);
    if (profile === undefined) {
      return;
    }
    const periodNanos = 1e9 / this.sampleRate;
    const { labeler, frames } = this;
    this.encoder.submit({
      startMs,
      untilMs,
      flatten: function* (this: void) {
        const { sampleLabelSets, labelSets } = labeler.label(sampleTimes(profile));
        labeler.prune(profile.endTime);
        yield;
        return yield* flattenInspectorProfile(profile, frames, { startMs, periodNanos, sampleLabelSets, labelSets });
      },
    });
  }
}
