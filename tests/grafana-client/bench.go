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
	// FirstError is the first failure's reason, to tell why without rerunning.
	FirstError string `json:"firstError,omitempty"`
}

// queryBenchCommand: `query-bench ... --runs N --concurrency C`, one plugin process, N QueryData
// calls, C in flight at a time. Each time covers what Grafana does per request: the gRPC call,
// decoding the frames and encoding the JSON answer.
func queryBenchCommand(args []string) (*invocation, error) {
	var common commonFlags
	var qf queryFlags
	var runs, concurrency int
	fs := newFlagSet("query-bench", &common)
	registerQueryFlags(fs, &qf)
	fs.IntVar(&runs, "runs", 10, "number of QueryData calls")
	fs.IntVar(&concurrency, "concurrency", 1, "calls in flight at a time")
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	if runs < 1 || concurrency < 1 {
		return nil, usageErrorf("--runs and --concurrency must be at least 1 (got %d and %d)", runs, concurrency)
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
		report := runBench(ctx, client, req.dataRequest(pluginVersionFor(p.path)), runs, concurrency)
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
	errs := make([]error, runs)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(concurrency, runs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				began := time.Now()
				errs[i] = benchCall(ctx, client, req)
				times[i] = millis(time.Since(began))
			}
		}()
	}
	for i := 0; i < runs; i++ {
		next <- i
	}
	close(next)
	wg.Wait()

	report := benchReport{Runs: runs, Concurrency: concurrency, TimesMs: times}
	for _, err := range errs {
		if err != nil {
			if report.Failures == 0 {
				report.FirstError = oneLine(err.Error())
			}
			report.Failures++
		}
	}
	report.MedianMs, report.P90Ms, report.MaxMs = percentiles(times)
	return report
}

// benchCall is one query as Grafana serves it; any per-query error or status >= 400 is a failure.
func benchCall(ctx context.Context, client grpcplugin.DataClient, req *backend.QueryDataRequest) error {
	res, err := queryData(ctx, client, req)
	if err != nil {
		return err
	}
	if _, err := json.Marshal(res); err != nil {
		return fmt.Errorf("encoding the answer as JSON: %w", err)
	}
	for _, q := range req.Queries {
		if _, ok := res.Responses[q.RefID]; !ok {
			return fmt.Errorf("no response for refId %s", q.RefID)
		}
	}
	for refID, dr := range res.Responses {
		switch {
		case dr.Error != nil:
			return fmt.Errorf("refId %s: status %d: %w", refID, dr.Status, dr.Error)
		case dr.Status >= 400:
			return fmt.Errorf("refId %s: status %d", refID, dr.Status)
		}
	}
	return nil
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
