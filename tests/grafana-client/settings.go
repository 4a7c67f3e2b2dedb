package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/backend/useragent"
	"github.com/grafana/grafana-plugin-sdk-go/config"
)

// What the Grafana we pretend to be would put into every request.
const (
	pluginID        = "emberlabs-profiles-datasource"
	grafanaVersion  = "13.1.1"
	defaultUID      = "profiles-test"
	defaultName     = "Profiles"
	datasourceID    = 1
	orgID           = 1
	grafanaAppURL   = "http://localhost:3000/"
	grafanaOrgNS    = "default" // Grafana's namespace for org 1
	fallbackVersion = "0.0.0-dev"
)

// settingsFile is the datasource as Grafana stores it: what a provisioning file or the config page sets.
type settingsFile struct {
	URL              string            `json:"url"`
	JSONData         json.RawMessage   `json:"jsonData"`
	SecureJSONData   map[string]string `json:"secureJsonData"`
	UID              string            `json:"uid"`
	Name             string            `json:"name"`
	User             string            `json:"user"`
	Database         string            `json:"database"`
	BasicAuthEnabled bool              `json:"basicAuthEnabled"`
	BasicAuthUser    string            `json:"basicAuthUser"`
	// GrafanaConfig adds to or overrides the grafanaConfig map Grafana sends (GF_* keys).
	GrafanaConfig map[string]string `json:"grafanaConfig"`
}

// loadSettings reads the settings argument: a file path, `@path`, or an inline JSON object.
func loadSettings(arg string) (settingsFile, time.Time, error) {
	raw, updated, err := readJSONArg(arg)
	if err != nil {
		return settingsFile{}, time.Time{}, fmt.Errorf("--settings: %w", err)
	}
	s, err := parseSettings(raw)
	if err != nil {
		return settingsFile{}, time.Time{}, fmt.Errorf("--settings %s: %w", arg, err)
	}
	return s, updated, nil
}

// readJSONArg returns inline JSON as is, or the content of the file named by `@path` or `path`,
// with the file's modification time (the datasource's "last updated"; now for inline JSON).
func readJSONArg(arg string) ([]byte, time.Time, error) {
	trimmed := strings.TrimSpace(arg)
	if strings.HasPrefix(trimmed, "{") {
		return []byte(trimmed), time.Now(), nil
	}
	path := strings.TrimPrefix(arg, "@")
	if path == "" {
		return nil, time.Time{}, fmt.Errorf("expected a file path, @file or a JSON object, got %q", arg)
	}
	info, err := os.Stat(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, time.Time{}, err
	}
	return raw, info.ModTime(), nil
}

// parseSettings checks the settings JSON strictly so that a misspelt key is reported, not ignored.
func parseSettings(raw []byte) (settingsFile, error) {
	var s settingsFile
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return s, fmt.Errorf("not a valid settings object (keys: url, jsonData, secureJsonData, uid, name, user, database, basicAuthEnabled, basicAuthUser, grafanaConfig): %w", err)
	}
	if dec.More() {
		return s, fmt.Errorf("extra data after the settings object")
	}
	jsonData, err := compactObject(s.JSONData)
	if err != nil {
		return s, fmt.Errorf("jsonData: %w", err)
	}
	s.JSONData = jsonData
	if s.UID == "" {
		s.UID = defaultUID
	}
	if s.Name == "" {
		s.Name = defaultName
	}
	return s, nil
}

// compactObject returns the JSON object compacted, `{}` when absent (Grafana stores an empty object).
func compactObject(raw json.RawMessage) (json.RawMessage, error) {
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 || bytes.Equal(trimmed, []byte("null")) {
		return json.RawMessage("{}"), nil
	}
	if trimmed[0] != '{' {
		return nil, fmt.Errorf("must be a JSON object, got %s", abbreviate(string(trimmed), 40))
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, trimmed); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// defaultGrafanaConfig is the grafanaConfig map a default Grafana install sends with every request.
func defaultGrafanaConfig() map[string]string {
	return map[string]string{
		"GF_APP_URL":                               grafanaAppURL,
		"GF_CONCURRENT_QUERY_COUNT":                "10",
		"GF_USER_FACING_DEFAULT_ERROR":             "Please inspect the Grafana server log for details.",
		"GF_SQL_ROW_LIMIT":                         "1000000",
		"GF_SQL_MAX_OPEN_CONNS_DEFAULT":            "100",
		"GF_SQL_MAX_IDLE_CONNS_DEFAULT":            "100",
		"GF_SQL_MAX_CONN_LIFETIME_SECONDS_DEFAULT": "14400",
	}
}

// pluginContext builds the PluginContext Grafana sends for a call on this datasource by the admin user.
func pluginContext(s settingsFile, updated time.Time, pluginVersion string) backend.PluginContext {
	cfg := defaultGrafanaConfig()
	for k, v := range s.GrafanaConfig {
		cfg[k] = v
	}
	secure := s.SecureJSONData
	if secure == nil {
		secure = map[string]string{}
	}
	// The version and platform are fixed and valid, so New cannot fail.
	ua, _ := useragent.New(grafanaVersion, runtime.GOOS, runtime.GOARCH)
	return backend.PluginContext{
		OrgID:         orgID,
		PluginID:      pluginID,
		PluginVersion: pluginVersion,
		Namespace:     grafanaOrgNS,
		User: &backend.User{
			Login: "admin",
			Name:  "admin",
			Email: "admin@localhost",
			Role:  "Admin",
		},
		DataSourceInstanceSettings: &backend.DataSourceInstanceSettings{
			ID:                      datasourceID,
			UID:                     s.UID,
			Type:                    pluginID,
			Name:                    s.Name,
			URL:                     s.URL,
			User:                    s.User,
			Database:                s.Database,
			BasicAuthEnabled:        s.BasicAuthEnabled,
			BasicAuthUser:           s.BasicAuthUser,
			JSONData:                s.JSONData,
			DecryptedSecureJSONData: secure,
			Updated:                 updated.Truncate(time.Millisecond),
		},
		GrafanaConfig: config.NewGrafanaCfg(cfg),
		UserAgent:     ua,
	}
}

// abbreviate shortens s for error messages.
func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
