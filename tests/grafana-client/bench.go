package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
)

// benchReport is what `query-bench` prints.
type benchReport struct {
	Runs        int       `json:"runs"`
	Concurrency int       `json:"concurrency"`
	Failures    int       `json:"failures"`
	StartMs     float64   `json:"startMs"`
	MedianMs    float64   `json:"medianMs"`
	P90Ms       float64   `json:"p90Ms"`
	MaxMs       float64   `json:"maxMs"`
	TimesMs     []float64 `json:"timesMs"`
	// RPC: the QueryData round trip alone, before Grafana's SDK decodes the Arrow frames.
	RPCMedianMs float64   `json:"rpcMedianMs"`
	RPCTimesMs  []float64 `json:"rpcTimesMs"`
	// With --direct: the same query straight to Pyroscope, interleaved with the QueryData calls.
	DirectMedianMs float64   `json:"directMedianMs,omitempty"`
	DirectTimesMs  []float64 `json:"directTimesMs,omitempty"`
	// FirstError is the first failure's reason, to tell why without rerunning.
	FirstError string `json:"firstError,omitempty"`
}

// queryBenchCommand: `query-bench ... --runs N --concurrency C`, one plugin process, N QueryData
// calls, C in flight at a time. Each time covers what Grafana does per request with the plugin's
// answer: the gRPC call and decoding the frames with the SDK (Arrow). Encoding the JSON answer for the
// browser is Grafana's own cost for any datasource, so it is done (and must succeed) but not timed.
func queryBenchCommand(args []string) (*invocation, error) {
	var common commonFlags
	var qf queryFlags
	var runs, concurrency, warmup int
	var directURL, directBody string
	fs := newFlagSet("query-bench", &common)
	registerQueryFlags(fs, &qf)
	fs.IntVar(&runs, "runs", 10, "number of QueryData calls")
	fs.IntVar(&concurrency, "concurrency", 1, "calls in flight at a time")
	fs.IntVar(&warmup, "warmup", 0, "untimed calls first, one at a time (a plugin process Grafana keeps is warm)")
	fs.StringVar(&directURL, "direct", "", "also time this Pyroscope Connect URL directly, interleaved (concurrency 1 only)")
	fs.StringVar(&directBody, "direct-body", "", "file with the protobuf request body for --direct")
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	if runs < 1 || concurrency < 1 || warmup < 0 {
		return nil, usageErrorf("--runs and --concurrency must be at least 1 and --warmup at least 0 (got %d, %d and %d)", runs, concurrency, warmup)
	}
	var direct *directCall
	if directURL != "" {
		if concurrency != 1 || directBody == "" {
			return nil, usageErrorf("--direct needs --direct-body and --concurrency 1")
		}
		var err error
		if direct, err = newDirectCall(directURL, directBody); err != nil {
			return nil, err
		}
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
		dataReq := req.dataRequest(pluginVersionFor(p.path))
		for i := 0; i < warmup; i++ {
			if _, _, err := benchCall(ctx, client, dataReq); err != nil {
				return nil, fmt.Errorf("warm-up call %d failed: %w", i+1, err)
			}
		}
		var report benchReport
		if direct != nil {
			report, err = runInterleaved(ctx, client, dataReq, direct, runs)
			if err != nil {
				return nil, err
			}
		} else {
			report = runBench(ctx, client, dataReq, runs, concurrency)
		}
		report.StartMs = millis(p.startTook)
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("benchmark cut short: %w", err)
		}
		return report, nil
	}}, nil
}

// runBench makes the calls and collects per-call times in run order.
func runBench(ctx context.Context, client grpcplugin.DataClient, req *backend.QueryDataRequest, runs, concurrency int) benchReport {
	times := make([]float64, runs)
	rpcTimes := make([]float64, runs)
	errs := make([]error, runs)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(concurrency, runs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				rpcTimes[i], times[i], errs[i] = benchCall(ctx, client, req)
			}
		}()
	}
	for i := 0; i < runs; i++ {
		next <- i
	}
	close(next)
	wg.Wait()

	report := benchReport{Runs: runs, Concurrency: concurrency, TimesMs: times, RPCTimesMs: rpcTimes}
	for _, err := range errs {
		if err != nil {
			if report.Failures == 0 {
				report.FirstError = oneLine(err.Error())
			}
			report.Failures++
		}
	}
	report.MedianMs, report.P90Ms, report.MaxMs = percentiles(times)
	report.RPCMedianMs, _, _ = percentiles(rpcTimes)
	return report
}

// runInterleaved alternates a direct call and a QueryData call (swapping which goes first each run),
// so drifts in machine speed hit both series alike.
func runInterleaved(ctx context.Context, client grpcplugin.DataClient, req *backend.QueryDataRequest, direct *directCall, runs int) (benchReport, error) {
	report := benchReport{
		Runs: runs, Concurrency: 1,
		TimesMs: make([]float64, runs), RPCTimesMs: make([]float64, runs), DirectTimesMs: make([]float64, runs),
	}
	for i := 0; i < runs; i++ {
		var errs [2]error
		steps := []func(){
			func() { report.DirectTimesMs[i], errs[0] = direct.time(ctx) },
			func() { report.RPCTimesMs[i], report.TimesMs[i], errs[1] = benchCall(ctx, client, req) },
		}
		if i%2 == 1 {
			steps[0], steps[1] = steps[1], steps[0]
		}
		for _, step := range steps {
			step()
		}
		if errs[0] != nil {
			return report, fmt.Errorf("direct call to Pyroscope: %w", errs[0])
		}
		if errs[1] != nil {
			if report.Failures == 0 {
				report.FirstError = oneLine(errs[1].Error())
			}
			report.Failures++
		}
	}
	report.MedianMs, report.P90Ms, report.MaxMs = percentiles(report.TimesMs)
	report.RPCMedianMs, _, _ = percentiles(report.RPCTimesMs)
	report.DirectMedianMs, _, _ = percentiles(report.DirectTimesMs)
	return report, nil
}

// benchCall is one query as Grafana serves it. It returns the milliseconds of the QueryData round trip
// alone and of the round trip plus the SDK's decoding of the frames; any per-query error, status >= 400
// or answer that does not encode as JSON is a failure.
func benchCall(ctx context.Context, client grpcplugin.DataClient, req *backend.QueryDataRequest) (rpcMs, totalMs float64, err error) {
	began := time.Now()
	protoRes, err := client.QueryData(ctx, backend.ToProto().QueryDataRequest(req))
	rpcMs = millis(time.Since(began))
	if err != nil {
		return rpcMs, rpcMs, rpcError(ctx, "Data.QueryData", "HTTP 500 \"Query data error\"", err)
	}
	res, err := backend.FromProto().QueryDataResponse(protoRes)
	totalMs = millis(time.Since(began))
	if err != nil {
		return rpcMs, totalMs, fmt.Errorf("decoding the QueryData response as Grafana does failed: %w", err)
	}
	if _, err := json.Marshal(res); err != nil {
		return rpcMs, totalMs, fmt.Errorf("encoding the answer as JSON: %w", err)
	}
	for _, q := range req.Queries {
		if _, ok := res.Responses[q.RefID]; !ok {
			return rpcMs, totalMs, fmt.Errorf("no response for refId %s", q.RefID)
		}
	}
	for refID, dr := range res.Responses {
		switch {
		case dr.Error != nil:
			return rpcMs, totalMs, fmt.Errorf("refId %s: status %d: %w", refID, dr.Status, dr.Error)
		case dr.Status >= 400:
			return rpcMs, totalMs, fmt.Errorf("refId %s: status %d", refID, dr.Status)
		}
	}
	return rpcMs, totalMs, nil
}

// roundMs keeps two decimals, as millis does.
func roundMs(ms float64) float64 {
	return math.Round(ms*100) / 100
}

// percentiles returns the median, the 90th percentile (nearest rank) and the maximum.
func percentiles(times []float64) (median, p90, maxT float64) {
	if len(times) == 0 {
		return 0, 0, 0
	}
	sorted := append([]float64(nil), times...)
	sort.Float64s(sorted)
	n := len(sorted)
	if n%2 == 1 {
		median = sorted[n/2]
	} else {
		median = (sorted[n/2-1] + sorted[n/2]) / 2
	}
	rank := int(math.Ceil(0.9*float64(n))) - 1
	return roundMs(median), sorted[rank], sorted[n-1]
}
