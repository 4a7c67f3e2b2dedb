package main

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	now := time.Date(2026, 5, 6, 7, 8, 9, 0, time.UTC)
	cases := map[string]time.Time{
		"1700000000000":        time.UnixMilli(1_700_000_000_000),
		"0":                    time.UnixMilli(0),
		"now":                  now,
		" now ":                now,
		"now-15m":              now.Add(-15 * time.Minute),
		"now-1h":               now.Add(-time.Hour),
		"now-30s":              now.Add(-30 * time.Second),
		"now-500ms":            now.Add(-500 * time.Millisecond),
		"now-7d":               now.Add(-7 * 24 * time.Hour),
		"now-2w":               now.Add(-14 * 24 * time.Hour),
		"now+5m":               now.Add(5 * time.Minute),
		"2026-01-02T03:04:05Z": time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC),
	}
	for input, want := range cases {
		got, err := parseTime(input, now)
		if err != nil {
			t.Errorf("%q: %v", input, err)
			continue
		}
		if !got.Equal(want) {
			t.Errorf("%q = %v, want %v", input, got, want)
		}
	}
}

func TestParseTimeRejects(t *testing.T) {
	for _, input := range []string{"", "yesterday", "now-", "now-1", "now-1y", "now - 1h", "1.5", "now-1M"} {
		if _, err := parseTime(input, time.Now()); err == nil {
			t.Errorf("%q: no error", input)
		}
	}
}

func TestParseTimeRangeSharesNowAndNamesTheFlag(t *testing.T) {
	now := time.UnixMilli(5_000_000)
	tr, err := parseTimeRange("now-1h", "now", now)
	if err != nil {
		t.Fatal(err)
	}
	if tr.To.Sub(tr.From) != time.Hour {
		t.Errorf("range = %+v", tr)
	}
	if _, err := parseTimeRange("now", "later", now); err == nil || err.Error()[:4] != "--to" {
		t.Errorf("err = %v, want it to start with --to", err)
	}
}
