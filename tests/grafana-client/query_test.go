package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

var testRange = backend.TimeRange{From: time.UnixMilli(1_000), To: time.UnixMilli(2_000)}

func TestDataQueryCompletesTheQueryObjectLikeTheFrontend(t *testing.T) {
	q, err := dataQuery([]byte(`{"queryType": "profile", "labelSelector": "{service_name=\"x\"}", "big": 12345678901234567890}`), "A", "ds-uid", testRange)
	if err != nil {
		t.Fatal(err)
	}
	if q.RefID != "A" || q.QueryType != "profile" || q.MaxDataPoints != 100 || q.Interval != time.Second {
		t.Errorf("refId/queryType/maxDataPoints/interval = %s/%s/%d/%s", q.RefID, q.QueryType, q.MaxDataPoints, q.Interval)
	}
	if q.TimeRange != testRange {
		t.Errorf("time range = %+v", q.TimeRange)
	}
	want := `{"big":12345678901234567890,"datasource":{"type":"emberlabs-profiles-datasource","uid":"ds-uid"},"datasourceId":1,"intervalMs":1000,"labelSelector":"{service_name=\"x\"}","maxDataPoints":100,"queryType":"profile","refId":"A"}`
	if string(q.JSON) != want {
		t.Errorf("json =\n %s\nwant\n %s", q.JSON, want)
	}
}

func TestDataQueryKeepsWhatTheQuerySets(t *testing.T) {
	q, err := dataQuery([]byte(`{"refId": "X", "maxDataPoints": 500, "intervalMs": 15000, "datasource": {"type": "other", "uid": "u"}}`), "A", "ds-uid", testRange)
	if err != nil {
		t.Fatal(err)
	}
	if q.RefID != "X" || q.MaxDataPoints != 500 || q.Interval != 15*time.Second {
		t.Errorf("refId/maxDataPoints/interval = %s/%d/%s", q.RefID, q.MaxDataPoints, q.Interval)
	}
	var obj map[string]any
	if err := json.Unmarshal(q.JSON, &obj); err != nil {
		t.Fatal(err)
	}
	if ds := obj["datasource"].(map[string]any); ds["uid"] != "u" {
		t.Errorf("datasource = %v", ds)
	}
}

func TestDataQueryFollowsGrafanasTypeRules(t *testing.T) {
	// simplejson's MustInt64/MustString fall back to the default on anything but an integer/string.
	q, err := dataQuery([]byte(`{"refId": 7, "maxDataPoints": "many", "intervalMs": 2.5, "queryType": true}`), "B", "u", testRange)
	if err != nil {
		t.Fatal(err)
	}
	if q.RefID != "A" || q.MaxDataPoints != 100 || q.Interval != time.Second || q.QueryType != "" {
		t.Errorf("refId/maxDataPoints/interval/queryType = %q/%d/%s/%q", q.RefID, q.MaxDataPoints, q.Interval, q.QueryType)
	}
}

func TestDataQueryRejectsNonObjects(t *testing.T) {
	for _, input := range []string{`[1]`, `null`, `"x"`, `{"a":1} {}`, `{`} {
		if _, err := dataQuery([]byte(input), "A", "u", testRange); err == nil {
			t.Errorf("%s: no error", input)
		}
	}
}

func TestBuildDataQueriesDefaultsRefIDsByPosition(t *testing.T) {
	qs, err := buildDataQueries([]string{`{}`, `{"refId": "Z"}`, `{}`}, "u", testRange)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, q := range qs {
		got = append(got, q.RefID)
	}
	if strings.Join(got, ",") != "A,Z,C" {
		t.Errorf("refIds = %v", got)
	}
}

func TestBuildDataQueriesReadsFilesAndRejectsBadArguments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.json")
	if err := os.WriteFile(path, []byte(`{"queryType": "metrics"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	qs, err := buildDataQueries([]string{"@" + path}, "u", testRange)
	if err != nil || qs[0].QueryType != "metrics" {
		t.Fatalf("@file: %+v, %v", qs, err)
	}
	cases := map[string]struct {
		args    []string
		wantErr string
	}{
		"duplicate refId": {[]string{`{}`, `{"refId": "A"}`}, `--query #1 and #2 both have refId "A"`},
		"not JSON":        {[]string{`queryType=profile`}, "--query #1: expected a JSON object or @file"},
		"missing file":    {[]string{"@" + path + ".missing"}, "--query #1"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := buildDataQueries(c.args, "u", testRange)
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, c.wantErr)
			}
		})
	}
}

func TestDefaultRefID(t *testing.T) {
	cases := map[int]string{0: "A", 1: "B", 25: "Z", 26: "AA", 27: "AB", 51: "AZ", 52: "BA"}
	for i, want := range cases {
		if got := defaultRefID(i); got != want {
			t.Errorf("defaultRefID(%d) = %q, want %q", i, got, want)
		}
	}
}

func TestQueryFlagsParse(t *testing.T) {
	now := time.UnixMilli(10_000_000)
	qf := queryFlags{settings: `{"uid": "abc"}`, queries: stringList{`{}`}, from: "now-1h", to: "now"}
	req, err := qf.parse(now)
	if err != nil {
		t.Fatal(err)
	}
	q := req.queries[0]
	if !q.TimeRange.From.Equal(now.Add(-time.Hour)) || !q.TimeRange.To.Equal(now) {
		t.Errorf("range = %+v", q.TimeRange)
	}
	if !strings.Contains(string(q.JSON), `"uid":"abc"`) {
		t.Errorf("json = %s", q.JSON)
	}
	dr := req.dataRequest("9.9.9")
	if dr.PluginContext.PluginVersion != "9.9.9" || len(dr.Queries) != 1 || dr.Headers == nil {
		t.Errorf("request = %+v", dr)
	}

	for name, bad := range map[string]queryFlags{
		"no settings": {queries: stringList{`{}`}, from: "now-1h", to: "now"},
		"no query":    {settings: `{}`, from: "now-1h", to: "now"},
		"bad from":    {settings: `{}`, queries: stringList{`{}`}, from: "yesterday", to: "now"},
	} {
		if _, err := bad.parse(now); err == nil {
			t.Errorf("%s: no error", name)
		} else if _, ok := err.(usageError); !ok {
			t.Errorf("%s: %T is not a usage error", name, err)
		}
	}
}
