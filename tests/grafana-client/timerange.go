package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

var relativeTime = regexp.MustCompile(`^now(?:([+-])(\d+)(ms|s|m|h|d|w))?$`)

var relativeUnits = map[string]time.Duration{
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  24 * time.Hour,
	"w":  7 * 24 * time.Hour,
}

// parseTime reads a --from/--to value: epoch milliseconds, `now`, `now-1h` style (ms, s, m, h, d, w;
// also `+`), or an RFC 3339 timestamp.
func parseTime(value string, now time.Time) (time.Time, error) {
	v := strings.TrimSpace(value)
	if ms, err := strconv.ParseInt(v, 10, 64); err == nil {
		return time.UnixMilli(ms).UTC(), nil
	}
	if m := relativeTime.FindStringSubmatch(v); m != nil {
		if m[1] == "" {
			return now.UTC(), nil
		}
		n, err := strconv.ParseInt(m[2], 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("%q: %w", value, err)
		}
		d := time.Duration(n) * relativeUnits[m[3]]
		if m[1] == "-" {
			d = -d
		}
		return now.Add(d).UTC(), nil
	}
	if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return t.UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%q is not a time: use epoch milliseconds, now, now-15m, now-1h, now-7d or RFC 3339", value)
}

// parseTimeRange reads --from and --to against one shared "now", as Grafana resolves a dashboard range.
func parseTimeRange(from, to string, now time.Time) (backend.TimeRange, error) {
	f, err := parseTime(from, now)
	if err != nil {
		return backend.TimeRange{}, fmt.Errorf("--from: %w", err)
	}
	t, err := parseTime(to, now)
	if err != nil {
		return backend.TimeRange{}, fmt.Errorf("--to: %w", err)
	}
	return backend.TimeRange{From: f, To: t}, nil
}
