package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
)

// Grafana's defaults for a query object that lacks them (pkg/services/query/query.go).
const (
	defaultMaxDataPoints = 100
	defaultIntervalMs    = 1000
)

// queryFlags are the flags shared by query and query-bench.
type queryFlags struct {
	settings string
	queries  stringList
	from, to string
}

// queryRequest is a parsed query or query-bench invocation, ready to become a QueryDataRequest.
type queryRequest struct {
	settings settingsFile
	updated  time.Time
	queries  []backend.DataQuery
}

// parse reads the settings, the queries and the time range.
func (q *queryFlags) parse(now time.Time) (queryRequest, error) {
	if err := requireFlag("settings", q.settings); err != nil {
		return queryRequest{}, err
	}
	if len(q.queries) == 0 {
		return queryRequest{}, usageErrorf("--query is required (a JSON object or @file)")
	}
	settings, updated, err := loadSettings(q.settings)
	if err != nil {
		return queryRequest{}, usageError{err}
	}
	tr, err := parseTimeRange(q.from, q.to, now)
	if err != nil {
		return queryRequest{}, usageError{err}
	}
	queries, err := buildDataQueries(q.queries, settings.UID, tr)
	if err != nil {
		return queryRequest{}, usageError{err}
	}
	return queryRequest{settings: settings, updated: updated, queries: queries}, nil
}

// dataRequest is the QueryDataRequest Grafana sends for these queries.
func (r queryRequest) dataRequest(pluginVersion string) *backend.QueryDataRequest {
	return &backend.QueryDataRequest{
		PluginContext: pluginContext(r.settings, r.updated, pluginVersion),
		Headers:       map[string]string{},
		Queries:       r.queries,
	}
}

// queryCommand: `query --settings S --query Q ...`, the body of POST /api/ds/query.
func queryCommand(args []string) (*invocation, error) {
	var common commonFlags
	var qf queryFlags
	fs := newFlagSet("query", &common)
	registerQueryFlags(fs, &qf)
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	req, err := qf.parse(time.Now())
	if err != nil {
		return nil, err
	}
	return &invocation{common: common, call: func(ctx context.Context, p *pluginProcess) (any, error) {
		client, err := dispense[grpcplugin.DataClient](p, "data")
		if err != nil {
			return nil, err
		}
		return queryData(ctx, client, req.dataRequest(pluginVersionFor(p.path)))
	}}, nil
}

// registerQueryFlags adds --settings, --query, --from and --to.
func registerQueryFlags(fs *flag.FlagSet, qf *queryFlags) {
	fs.StringVar(&qf.settings, "settings", "", "datasource settings")
	fs.Var(&qf.queries, "query", "query object (repeatable)")
	fs.StringVar(&qf.from, "from", "now-1h", "range start")
	fs.StringVar(&qf.to, "to", "now", "range end")
}

// queryData calls Data.QueryData and decodes the answer with the SDK's own converter, which is
// Grafana's path (Arrow decoding, status defaulting); the result marshals to /api/ds/query's body.
func queryData(ctx context.Context, client grpcplugin.DataClient, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	protoRes, err := client.QueryData(ctx, backend.ToProto().QueryDataRequest(req))
	if err != nil {
		return nil, rpcError(ctx, "Data.QueryData", "HTTP 500 \"Query data error\"", err)
	}
	res, err := backend.FromProto().QueryDataResponse(protoRes)
	if err != nil {
		return nil, fmt.Errorf("decoding the QueryData response as Grafana does failed (Grafana answers HTTP 500): %w", err)
	}
	return res, nil
}

// buildDataQueries turns the --query arguments into the DataQuery list Grafana builds from the body
// the frontend posts: each query object completed with what DataSourceWithBackend adds to it.
func buildDataQueries(args []string, uid string, tr backend.TimeRange) ([]backend.DataQuery, error) {
	queries := make([]backend.DataQuery, 0, len(args))
	seen := map[string]int{}
	for i, arg := range args {
		raw, err := readQueryArg(arg)
		if err != nil {
			return nil, fmt.Errorf("--query #%d: %w", i+1, err)
		}
		q, err := dataQuery(raw, defaultRefID(i), uid, tr)
		if err != nil {
			return nil, fmt.Errorf("--query #%d: %w", i+1, err)
		}
		if prev, dup := seen[q.RefID]; dup {
			return nil, fmt.Errorf("--query #%d and #%d both have refId %q: give each query its own refId", prev+1, i+1, q.RefID)
		}
		seen[q.RefID] = i
		queries = append(queries, q)
	}
	return queries, nil
}

// readQueryArg returns inline JSON, or the content of `@file`.
func readQueryArg(arg string) ([]byte, error) {
	if strings.HasPrefix(arg, "@") {
		raw, _, err := readJSONArg(arg)
		return raw, err
	}
	if !strings.HasPrefix(strings.TrimSpace(arg), "{") {
		return nil, fmt.Errorf("expected a JSON object or @file, got %s", abbreviate(arg, 40))
	}
	return []byte(arg), nil
}

// defaultRefID is A for the first query, B for the second, and so on (AA after Z).
func defaultRefID(i int) string {
	id := ""
	for n := i; ; n = n/26 - 1 {
		id = string(rune('A'+n%26)) + id
		if n < 26 {
			return id
		}
	}
}

// dataQuery builds one DataQuery. The JSON bytes are the whole query object, completed with refId,
// datasource {type, uid}, datasourceId, intervalMs and maxDataPoints where missing; the typed fields
// are then read from it with Grafana's rules (non-integer numbers fall back to the defaults).
func dataQuery(raw []byte, refID, uid string, tr backend.TimeRange) (backend.DataQuery, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keeps large integers exact in the re-encoded JSON
	var obj map[string]any
	if err := dec.Decode(&obj); err != nil {
		return backend.DataQuery{}, fmt.Errorf("not a JSON object: %w", err)
	}
	if obj == nil {
		return backend.DataQuery{}, fmt.Errorf("not a JSON object: null")
	}
	if dec.More() {
		return backend.DataQuery{}, fmt.Errorf("extra data after the query object")
	}
	setDefault(obj, "refId", refID)
	setDefault(obj, "datasource", map[string]any{"type": pluginID, "uid": uid})
	setDefault(obj, "datasourceId", datasourceID)
	setDefault(obj, "intervalMs", defaultIntervalMs)
	setDefault(obj, "maxDataPoints", defaultMaxDataPoints)
	modelJSON, err := json.Marshal(obj)
	if err != nil {
		return backend.DataQuery{}, err
	}
	return backend.DataQuery{
		RefID:         stringOr(obj["refId"], "A"),
		QueryType:     stringOr(obj["queryType"], ""),
		MaxDataPoints: int64Or(obj["maxDataPoints"], defaultMaxDataPoints),
		Interval:      time.Duration(int64Or(obj["intervalMs"], defaultIntervalMs)) * time.Millisecond,
		TimeRange:     tr,
		JSON:          modelJSON,
	}, nil
}

func setDefault(obj map[string]any, key string, value any) {
	if _, ok := obj[key]; !ok {
		obj[key] = value
	}
}

// stringOr is simplejson's MustString(def).
func stringOr(v any, def string) string {
	if s, ok := v.(string); ok {
		return s
	}
	return def
}

// int64Or is simplejson's MustInt64(def) on a UseNumber-decoded value.
func int64Or(v any, def int64) int64 {
	switch n := v.(type) {
	case json.Number:
		if i, err := n.Int64(); err == nil {
			return i
		}
	case int:
		return int64(n)
	}
	return def
}
