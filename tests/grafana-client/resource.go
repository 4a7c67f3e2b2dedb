package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
)

// Grafana's allowedResourceMethods (pkg/api/plugin_resource.go).
var allowedResourceMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch}

// resourceCommand: `resource --settings S --path PATH [--method M --body B]`, a call on
// /api/datasources/uid/<uid>/resources/<PATH>.
func resourceCommand(args []string) (*invocation, error) {
	var common commonFlags
	var settingsArg, pathArg, method, bodyArg string
	fs := newFlagSet("resource", &common)
	fs.StringVar(&settingsArg, "settings", "", "datasource settings")
	fs.StringVar(&pathArg, "path", "", "resource path, may include ?query")
	fs.StringVar(&method, "method", http.MethodGet, "HTTP method")
	fs.StringVar(&bodyArg, "body", "", "request body, inline or @file")
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	if err := requireFlag("settings", settingsArg); err != nil {
		return nil, err
	}
	if err := requireFlag("path", pathArg); err != nil {
		return nil, err
	}
	method = strings.ToUpper(method)
	if !isAllowedMethod(method) {
		return nil, usageErrorf("--method %s: Grafana answers 405 for it; use one of %s", method, strings.Join(allowedResourceMethods, ", "))
	}
	settings, updated, err := loadSettings(settingsArg)
	if err != nil {
		return nil, usageError{err}
	}
	path, rawURL, err := splitResourcePath(pathArg)
	if err != nil {
		return nil, usageError{err}
	}
	body, err := readBodyArg(bodyArg)
	if err != nil {
		return nil, usageError{fmt.Errorf("--body: %w", err)}
	}
	return &invocation{common: common, call: func(ctx context.Context, p *pluginProcess) (any, error) {
		req := &backend.CallResourceRequest{
			PluginContext: pluginContext(settings, updated, pluginVersionFor(p.path)),
			Path:          path,
			Method:        method,
			URL:           rawURL,
			Headers:       resourceRequestHeaders(len(body) > 0),
			Body:          body,
		}
		return callResource(ctx, p, req)
	}}, nil
}

func isAllowedMethod(method string) bool {
	for _, m := range allowedResourceMethods {
		if m == method {
			return true
		}
	}
	return false
}

// splitResourcePath derives CallResourceRequest's path and url the way Grafana's
// pluginResourceRequest does: path is the (unescaped) part after /resources/ without a leading slash,
// url is that path re-escaped plus the raw query.
func splitResourcePath(arg string) (path, rawURL string, err error) {
	rawPath, rawQuery, _ := strings.Cut(strings.TrimLeft(arg, "/"), "?")
	path, err = url.PathUnescape(rawPath)
	if err != nil {
		return "", "", fmt.Errorf("--path %q: %w", arg, err)
	}
	u := &url.URL{Path: path, RawQuery: rawQuery}
	return path, u.String(), nil
}

// readBodyArg returns the body given inline, or the content of `@file`.
func readBodyArg(arg string) ([]byte, error) {
	if name, ok := strings.CutPrefix(arg, "@"); ok {
		return os.ReadFile(name)
	}
	return []byte(arg), nil
}

// resourceRequestHeaders are the headers a browser's fetch from Grafana's frontend carries after
// Grafana's proxy clean-up (cookies and auth headers are stripped).
func resourceRequestHeaders(hasBody bool) map[string][]string {
	h := map[string][]string{
		"Accept":           {"application/json, text/plain, */*"},
		"X-Grafana-Org-Id": {"1"},
		"X-Forwarded-For":  {"127.0.0.1"},
	}
	if hasBody {
		h["Content-Type"] = []string{"application/json"}
	}
	return h
}

// resourceAnswer is the HTTP answer Grafana writes: status and headers from the first stream
// message, the body concatenated from all of them.
type resourceAnswer struct {
	Status  int                 `json:"status"`
	Headers map[string][]string `json:"headers"`
	// Body is the body's JSON when it parses as JSON, else the body as a JSON string (base64 when
	// it is not UTF-8, then BodyEncoding says so).
	Body         json.RawMessage `json:"body"`
	BodyEncoding string          `json:"bodyEncoding,omitempty"`
}

// callResource calls Resource.CallResource and reads the stream to its end, applying Grafana's rules.
func callResource(ctx context.Context, p *pluginProcess, req *backend.CallResourceRequest) (*resourceAnswer, error) {
	client, err := dispense[grpcplugin.ResourceClient](p, "resource")
	if err != nil {
		return nil, err
	}
	stream, err := client.CallResource(ctx, backend.ToProto().CallResourceRequest(req))
	if err != nil {
		return nil, rpcError(ctx, "Resource.CallResource", `HTTP 404 "Not found"`, err)
	}
	var first *backend.CallResourceResponse
	var body []byte
	for n := 0; ; n++ {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if n == 0 {
				return nil, rpcError(ctx, "Resource.CallResource", `HTTP 404 "Not found"`, err)
			}
			return nil, fmt.Errorf("resource stream broke after %d message(s) (Grafana cuts the answer short there): %w", n, rpcError(ctx, "Resource.CallResource", "a truncated body", err))
		}
		res := backend.FromProto().CallResourceResponse(msg)
		if n == 0 {
			first = res
		}
		body = append(body, res.Body...)
	}
	if first == nil {
		return nil, errors.New("the resource stream ended without any message: Grafana answers HTTP 500 \"received empty resource response\"")
	}
	if first.Status < 100 || first.Status > 999 {
		return nil, fmt.Errorf("the first resource message has code %d: Grafana cannot write that HTTP status (send a real one, e.g. 200)", first.Status)
	}
	answer := &resourceAnswer{Status: first.Status, Headers: grafanaResponseHeaders(first.Headers, first.Status)}
	answer.Body, answer.BodyEncoding = encodeBody(body)
	return answer, nil
}

// grafanaResponseHeaders applies Grafana's flushStream rules: canonical names, no Set-Cookie, and
// Content-Type application/json when the plugin sent none (except for 204). Grafana's own security
// headers are left out.
func grafanaResponseHeaders(in map[string][]string, status int) map[string][]string {
	out := map[string][]string{}
	for k, values := range in {
		k = textproto.CanonicalMIMEHeaderKey(k)
		if k == "Set-Cookie" {
			continue
		}
		out[k] = append(out[k], values...)
	}
	if _, ok := out["Content-Type"]; !ok && status != http.StatusNoContent {
		out["Content-Type"] = []string{"application/json"}
	}
	return out
}

// encodeBody embeds a JSON body as JSON, anything else as a string (base64 if it is not UTF-8).
func encodeBody(body []byte) (json.RawMessage, string) {
	if len(body) > 0 && json.Valid(body) {
		return body, ""
	}
	if utf8.Valid(body) {
		s, _ := json.Marshal(string(body))
		return s, ""
	}
	s, _ := json.Marshal(base64.StdEncoding.EncodeToString(body))
	return s, "base64"
}
