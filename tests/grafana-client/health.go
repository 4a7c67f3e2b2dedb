package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// healthCommand: `health --settings S`, the datasource's "Save & test"
// (GET /api/datasources/uid/<uid>/health).
func healthCommand(args []string) (*invocation, error) {
	var common commonFlags
	var settingsArg string
	fs := newFlagSet("health", &common)
	fs.StringVar(&settingsArg, "settings", "", "datasource settings")
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	if err := requireFlag("settings", settingsArg); err != nil {
		return nil, err
	}
	settings, updated, err := loadSettings(settingsArg)
	if err != nil {
		return nil, usageError{err}
	}
	return &invocation{common: common, call: func(ctx context.Context, p *pluginProcess) (any, error) {
		req := &backend.CheckHealthRequest{
			PluginContext: pluginContext(settings, updated, pluginVersionFor(p.path)),
			Headers:       map[string]string{},
		}
		return checkHealth(ctx, p, req)
	}}, nil
}

// checkHealth calls Diagnostics.CheckHealth and builds Grafana's response body.
func checkHealth(ctx context.Context, p *pluginProcess, req *backend.CheckHealthRequest) (map[string]any, error) {
	client, err := dispense[grpcplugin.DiagnosticsClient](p, "diagnostics")
	if err != nil {
		return nil, err
	}
	protoRes, err := client.CheckHealth(ctx, &pluginv2.CheckHealthRequest{
		PluginContext: backend.ToProto().PluginContext(req.PluginContext),
		Headers:       req.Headers,
	})
	if status.Code(err) == codes.Unimplemented && ctx.Err() == nil {
		// Grafana's plugin client turns a missing CheckHealth into this result, not into an error.
		return healthBody(&backend.CheckHealthResult{Status: backend.HealthStatusUnknown, Message: "Health check not implemented"})
	}
	if err != nil {
		return nil, rpcError(ctx, "Diagnostics.CheckHealth", "HTTP 500", err)
	}
	return healthBody(backend.FromProto().CheckHealthResponse(protoRes))
}

// healthBody is Grafana's CheckDatasourceHealth payload: details only when jsonDetails is non-empty,
// and a jsonDetails that is not a JSON object is Grafana's HTTP 500.
func healthBody(res *backend.CheckHealthResult) (map[string]any, error) {
	payload := map[string]any{
		"status":  res.Status.String(),
		"message": res.Message,
	}
	if len(res.JSONDetails) > 0 {
		var details map[string]any
		if err := json.Unmarshal(res.JSONDetails, &details); err != nil {
			return nil, fmt.Errorf("jsonDetails is not a JSON object (%s): Grafana answers HTTP 500 \"Failed to unmarshal detailed response from backend plugin\": %w",
				abbreviate(string(res.JSONDetails), 60), err)
		}
		payload["details"] = details
	}
	return payload, nil
}
