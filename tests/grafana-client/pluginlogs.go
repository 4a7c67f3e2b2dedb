package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/go-hclog"
)

// tailBuffer keeps the last bytes written to it (whole lines where possible), so a chatty plugin
// cannot grow our memory while we still have its last words when a call fails.
type tailBuffer struct {
	mu    sync.Mutex
	buf   []byte
	limit int
	echo  io.Writer // nil unless --verbose
}

func newTailBuffer(limit int, echo io.Writer) *tailBuffer {
	return &tailBuffer{limit: limit, echo: echo}
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.echo != nil {
		_, _ = t.echo.Write(p)
	}
	t.buf = append(t.buf, p...)
	if len(t.buf) > t.limit {
		cut := len(t.buf) - t.limit/2
		if nl := bytes.IndexByte(t.buf[cut:], '\n'); nl >= 0 {
			cut += nl + 1
		}
		t.buf = append([]byte("[… earlier output dropped …]\n"), t.buf[cut:]...)
	}
	return len(p), nil
}

func (t *tailBuffer) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.buf)
}

// hostLogSink records what go-plugin itself logs (start, exit, kill), leaving out the plugin's own
// stderr lines, which go-plugin re-logs under a sub-logger and which the tail buffer already holds.
type hostLogSink struct {
	skipPrefix string
	minLevel   hclog.Level
	out        *tailBuffer
}

func (s *hostLogSink) Accept(name string, level hclog.Level, msg string, args ...interface{}) {
	if level < s.minLevel || strings.HasPrefix(name, s.skipPrefix) {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s: %s", time.Now().Format("15:04:05.000"), strings.ToUpper(level.String()), name, msg)
	for i := 0; i+1 < len(args); i += 2 {
		fmt.Fprintf(&b, " %v=%v", args[i], args[i+1])
	}
	b.WriteByte('\n')
	_, _ = s.out.Write([]byte(b.String()))
}

// pluginLogs holds everything the plugin process and go-plugin said during one run.
type pluginLogs struct {
	stderr *tailBuffer // the plugin's raw stderr (hclog JSON lines)
	host   *tailBuffer // go-plugin's own log lines
	logger hclog.Logger
}

const loggerName = "grafana-client"

// newPluginLogs builds the hclog logger handed to go-plugin. With echo set (--verbose), both the
// plugin's stderr and go-plugin's lines (from debug up, else from info up) are also written there
// as they arrive.
func newPluginLogs(pluginBase string, echo io.Writer) *pluginLogs {
	minLevel := hclog.Info
	if echo != nil {
		minLevel = hclog.Debug
	}
	l := &pluginLogs{
		stderr: newTailBuffer(256*1024, echo),
		host:   newTailBuffer(64*1024, echo),
	}
	logger := hclog.NewInterceptLogger(&hclog.LoggerOptions{
		Name:   loggerName,
		Level:  hclog.Debug,
		Output: io.Discard,
	})
	logger.RegisterSink(&hostLogSink{skipPrefix: loggerName + "." + pluginBase, minLevel: minLevel, out: l.host})
	l.logger = logger
	return l
}

// hostSaid reports whether go-plugin logged a line containing text.
func (l *pluginLogs) hostSaid(text string) bool {
	return strings.Contains(l.host.String(), text)
}

// dump writes the captured logs after a failure.
func (l *pluginLogs) dump(w io.Writer) {
	if s := strings.TrimRight(l.host.String(), "\n"); s != "" {
		fmt.Fprintf(w, "--- go-plugin log ---\n%s\n", s)
	}
	if s := strings.TrimRight(l.stderr.String(), "\n"); s != "" {
		fmt.Fprintf(w, "--- plugin stderr ---\n%s\n", s)
	}
}
