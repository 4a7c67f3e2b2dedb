package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	querierv1 "github.com/grafana/pyroscope/api/gen/proto/go/querier/v1"
	"google.golang.org/protobuf/proto"
)

// profileQueries answers `profile` queries only: one SelectMergeStacktraces call per query, as Grafana's
// core Pyroscope datasource makes it (protobuf over Connect, uncompressed like our backend's).
type profileQueries struct{ client *http.Client }

type profileQuery struct {
	LabelSelector string `json:"labelSelector"`
	ProfileTypeID string `json:"profileTypeId"`
	MaxNodes      int64  `json:"maxNodes"`
}

func (p *profileQueries) QueryData(ctx context.Context, req *backend.QueryDataRequest) (*backend.QueryDataResponse, error) {
	res := backend.NewQueryDataResponse()
	settings := req.PluginContext.DataSourceInstanceSettings
	for _, q := range req.Queries {
		if settings == nil {
			res.Responses[q.RefID] = backend.ErrDataResponse(backend.StatusBadRequest, "no datasource settings")
			continue
		}
		frame, err := p.flameGraph(ctx, settings.URL, q)
		if err != nil {
			res.Responses[q.RefID] = backend.ErrDataResponse(backend.StatusInternal, err.Error())
			continue
		}
		res.Responses[q.RefID] = backend.DataResponse{Frames: data.Frames{frame}}
	}
	return res, nil
}

func (p *profileQueries) flameGraph(ctx context.Context, url string, q backend.DataQuery) (*data.Frame, error) {
	query := profileQuery{MaxNodes: 16384}
	if err := json.Unmarshal(q.JSON, &query); err != nil {
		return nil, fmt.Errorf("query JSON: %w", err)
	}
	body, err := proto.Marshal(&querierv1.SelectMergeStacktracesRequest{
		ProfileTypeID: query.ProfileTypeID,
		LabelSelector: query.LabelSelector,
		Start:         q.TimeRange.From.UnixMilli(),
		End:           q.TimeRange.To.UnixMilli(),
		MaxNodes:      &query.MaxNodes,
	})
	if err != nil {
		return nil, err
	}
	httpReq, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/querier.v1.QuerierService/SelectMergeStacktraces", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	httpReq.Header.Set("Content-Type", "application/proto")
	httpReq.Header.Set("Connect-Protocol-Version", "1")
	httpReq.Header.Set("Accept-Encoding", "identity")
	httpRes, err := p.client.Do(httpReq)
	if err != nil {
		return nil, err
	}
	defer httpRes.Body.Close()
	raw, err := io.ReadAll(httpRes.Body)
	if err != nil {
		return nil, err
	}
	if httpRes.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("pyroscope answered HTTP %d: %s", httpRes.StatusCode, raw)
	}
	var answer querierv1.SelectMergeStacktracesResponse
	if err := proto.Unmarshal(raw, &answer); err != nil {
		return nil, err
	}
	return nestedSetFrame(answer.GetFlamegraph())
}
