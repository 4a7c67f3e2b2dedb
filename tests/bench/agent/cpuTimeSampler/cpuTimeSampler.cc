// A bench fixture, not shipped: the CPU-time sampler design session 16 measured (agent/MEASUREMENTS.md).
//
// V8's CPU profiler keeps its code map and resolves inlined frames as usual, but its own wall-clock sampler
// runs at 1 Hz only. Samples follow the main thread's CPU time instead: a timer on that thread's CPU clock
// signals a helper thread every `intervalUs` of CPU the main thread burns; the helper asks V8 for an
// interrupt, and the interrupt callback, on the main thread at its next safepoint, calls
// CpuProfiler::CollectSample. A process that does not run gets no timer expiries and pays nothing.
#include <node.h>
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <v8-profiler.h>
#include <v8.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

namespace {

// A real-time signal no part of Node uses; it is blocked in the helper, which takes it with sigtimedwait.
const int kSignal = SIGRTMIN + 6;
const char kTitle[] = "cpu-time-sampler";

v8::Isolate* isolate = nullptr;
v8::CpuProfiler* profiler = nullptr;
timer_t timer;
pthread_t helper;
std::atomic<pid_t> helperTid{0};
std::atomic<bool> running{false};
uint64_t collected = 0;
uint64_t collectNs = 0;

uint64_t NowNs() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return uint64_t(t.tv_sec) * 1000000000ull + uint64_t(t.tv_nsec);
}

void OnInterrupt(v8::Isolate* iso, void*) {
  uint64_t started = NowNs();
  v8::CpuProfiler::CollectSample(iso);
  collected++;
  collectNs += NowNs() - started;
}

void* RunHelper(void*) {
  helperTid = pid_t(syscall(SYS_gettid));
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, kSignal);
  while (running.load()) {
    siginfo_t info;
    timespec wait = {0, 200000000};  // wakes now and then to see `running` drop
    if (sigtimedwait(&set, &info, &wait) == kSignal && running.load()) {
      isolate->RequestInterrupt(OnInterrupt, nullptr);
    }
  }
  return nullptr;
}

void StopTimer() {
  if (!running.exchange(false)) return;
  timer_delete(timer);
  pthread_join(helper, nullptr);
}

v8::Local<v8::String> Text(v8::Isolate* iso, const std::string& s) {
  return v8::String::NewFromUtf8(iso, s.c_str()).ToLocalChecked();
}

void ThrowSystemError(v8::Isolate* iso, const char* call, int error) {
  iso->ThrowException(v8::Exception::Error(
      Text(iso, std::string("the CPU-time sampler could not start: ") + call + " failed: " + std::strerror(error))));
}

// start(intervalUs, v8IntervalUs): one sampler per process, on the main thread.
void Start(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* iso = args.GetIsolate();
  v8::Local<v8::Context> context = iso->GetCurrentContext();
  if (running.load()) {
    iso->ThrowException(v8::Exception::Error(Text(iso, "the CPU-time sampler is already running")));
    return;
  }
  int64_t intervalUs = args[0]->IntegerValue(context).FromMaybe(10000);
  int v8IntervalUs = int(args[1]->IntegerValue(context).FromMaybe(1000000));
  isolate = iso;
  collected = 0;  // counts are per start()
  collectNs = 0;
  clockid_t clock;
  int error = pthread_getcpuclockid(pthread_self(), &clock);
  if (error != 0) return ThrowSystemError(iso, "pthread_getcpuclockid", error);
  // The helper inherits a mask with the signal blocked; this thread keeps its own.
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, kSignal);
  pthread_sigmask(SIG_BLOCK, &set, &old);
  running = true;
  helperTid = 0;
  error = pthread_create(&helper, nullptr, RunHelper, nullptr);
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  if (error != 0) {
    running = false;
    return ThrowSystemError(iso, "pthread_create", error);
  }
  while (helperTid.load() == 0) usleep(100);

  sigevent event;
  std::memset(&event, 0, sizeof event);
  event.sigev_notify = SIGEV_THREAD_ID;
  event.sigev_signo = kSignal;
  event._sigev_un._tid = helperTid.load();
  if (timer_create(clock, &event, &timer) != 0) {
    error = errno;
    running = false;
    pthread_join(helper, nullptr);
    return ThrowSystemError(iso, "timer_create", error);
  }
  // Profiling starts only once nothing else can fail, and before the first expiry.
  profiler = v8::CpuProfiler::New(iso);
  profiler->SetSamplingInterval(v8IntervalUs);
  v8::CpuProfilingOptions options(v8::kLeafNodeLineNumbers, v8::CpuProfilingOptions::kNoSampleLimit, v8IntervalUs);
  profiler->StartProfiling(Text(iso, kTitle), std::move(options));
  itimerspec spec;
  spec.it_interval.tv_sec = intervalUs / 1000000;
  spec.it_interval.tv_nsec = (intervalUs % 1000000) * 1000;
  spec.it_value = spec.it_interval;
  timer_settime(timer, 0, &spec, nullptr);
  // Before V8 tears the isolate down, so no interrupt is requested of a dead one. Node allows a hook once.
  static bool hooked = false;
  if (!hooked) {
    node::AddEnvironmentCleanupHook(iso, [](void*) { StopTimer(); }, nullptr);
    hooked = true;
  }
}

// stop() -> { collected, collectUsPerSample, samples, selfSamples: { "name file": count } }
void Stop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* iso = args.GetIsolate();
  v8::Local<v8::Context> context = iso->GetCurrentContext();
  StopTimer();
  v8::CpuProfile* profile = profiler == nullptr ? nullptr : profiler->StopProfiling(Text(iso, kTitle));
  v8::Local<v8::Object> result = v8::Object::New(iso);
  v8::Local<v8::Object> self = v8::Object::New(iso);
  int samples = profile == nullptr ? 0 : profile->GetSamplesCount();
  for (int i = 0; i < samples; i++) {
    const v8::CpuProfileNode* node = profile->GetSample(i);
    v8::String::Utf8Value name(iso, node->GetFunctionName());
    v8::String::Utf8Value file(iso, node->GetScriptResourceName());
    v8::Local<v8::String> key = Text(iso, std::string(*name ? *name : "") + " " + (*file ? *file : ""));
    int64_t count = self->Get(context, key).ToLocalChecked()->IntegerValue(context).FromMaybe(0);
    self->Set(context, key, v8::Number::New(iso, double(count + 1))).Check();
  }
  if (profile != nullptr) profile->Delete();
  if (profiler != nullptr) {
    profiler->Dispose();  // ends V8's profiler thread and its code map
    profiler = nullptr;
  }
  result->Set(context, Text(iso, "collected"), v8::Number::New(iso, double(collected))).Check();
  result->Set(context, Text(iso, "collectUsPerSample"),
              v8::Number::New(iso, collected == 0 ? 0 : double(collectNs) / 1000.0 / double(collected)))
      .Check();
  result->Set(context, Text(iso, "samples"), v8::Integer::New(iso, samples)).Check();
  result->Set(context, Text(iso, "selfSamples"), self).Check();
  args.GetReturnValue().Set(result);
}

}  // namespace

NODE_MODULE_INIT(/* exports, module, context */) {
  NODE_SET_METHOD(exports, "start", Start);
  NODE_SET_METHOD(exports, "stop", Stop);
}
