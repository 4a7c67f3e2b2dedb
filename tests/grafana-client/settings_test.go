package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestParseSettingsFillsGrafanaDefaults(t *testing.T) {
	s, err := parseSettings([]byte(`{"url": "http://127.0.0.1:4040", "jsonData": {"tenant": "t1", "n": 12345678901234567890}, "secureJsonData": {"token": "s"}}`))
	if err != nil {
		t.Fatal(err)
	}
	if s.UID != defaultUID || s.Name != defaultName {
		t.Errorf("uid/name = %q/%q, want %q/%q", s.UID, s.Name, defaultUID, defaultName)
	}
	// Kept byte-exact (compacted), so large numbers survive.
	if got, want := string(s.JSONData), `{"tenant":"t1","n":12345678901234567890}`; got != want {
		t.Errorf("jsonData = %s, want %s", got, want)
	}
}

func TestParseSettingsRejects(t *testing.T) {
	cases := map[string]struct{ input, wantErr string }{
		"misspelt key":          {`{"url": "x", "jsonDta": {}}`, `unknown field "jsonDta"`},
		"jsonData not object":   {`{"jsonData": [1]}`, "jsonData: must be a JSON object"},
		"secure value not text": {`{"secureJsonData": {"token": 1}}`, "not a valid settings object"},
		"not JSON":              {`url: x`, "not a valid settings object"},
		"two objects":           {`{} {}`, "extra data"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := parseSettings([]byte(c.input))
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("err = %v, want it to mention %q", err, c.wantErr)
			}
		})
	}
}

func TestParseSettingsMissingJSONDataIsEmptyObject(t *testing.T) {
	for _, input := range []string{`{}`, `{"jsonData": null}`} {
		s, err := parseSettings([]byte(input))
		if err != nil {
			t.Fatal(err)
		}
		if string(s.JSONData) != "{}" {
			t.Errorf("%s: jsonData = %s, want {}", input, s.JSONData)
		}
	}
}

func TestLoadSettingsFromFileInlineAndAt(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ds.json")
	if err := os.WriteFile(path, []byte(`{"url": "http://a", "uid": "u1", "name": "N"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2026, 1, 2, 3, 4, 5, 6_000_000, time.UTC)
	if err := os.Chtimes(path, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{path, "@" + path} {
		s, updated, err := loadSettings(arg)
		if err != nil {
			t.Fatal(err)
		}
		if s.URL != "http://a" || s.UID != "u1" || s.Name != "N" || !updated.Equal(mtime) {
			t.Errorf("%s: got %+v updated %v", arg, s, updated)
		}
	}
	s, _, err := loadSettings(` {"url": "http://inline"}`)
	if err != nil || s.URL != "http://inline" {
		t.Errorf("inline: got %+v, %v", s, err)
	}
	if _, _, err := loadSettings(filepath.Join(dir, "missing.json")); err == nil || !strings.Contains(err.Error(), "--settings") {
		t.Errorf("missing file: err = %v", err)
	}
}

func TestPluginContextIsWhatGrafanaSends(t *testing.T) {
	s, err := parseSettings([]byte(`{"url": "http://p", "jsonData": {"a": 1}, "secureJsonData": {"basicAuthPassword": "pw"},
		"basicAuthEnabled": true, "basicAuthUser": "bob", "grafanaConfig": {"GF_APP_URL": "http://grafana:3000/", "GF_X": "y"}}`))
	if err != nil {
		t.Fatal(err)
	}
	updated := time.UnixMilli(1_700_000_000_123).Add(456 * time.Microsecond)
	pc := pluginContext(s, updated, "1.2.3")

	// Round-trip through the wire format, as the plugin sees it.
	proto := backend.ToProto().PluginContext(pc)
	if proto.OrgId != 1 || proto.PluginId != pluginID || proto.PluginVersion != "1.2.3" {
		t.Errorf("org/plugin/version = %d/%s/%s", proto.OrgId, proto.PluginId, proto.PluginVersion)
	}
	if want := "Grafana/13.1.1 (" + runtime.GOOS + "; " + runtime.GOARCH + ")"; proto.UserAgent != want {
		t.Errorf("userAgent = %q", proto.UserAgent)
	}
	if u := proto.User; u.Login != "admin" || u.Role != "Admin" {
		t.Errorf("user = %+v", u)
	}
	ds := proto.DataSourceInstanceSettings
	if ds.Uid != defaultUID || ds.Name != defaultName || ds.Url != "http://p" || ds.Id != 1 {
		t.Errorf("datasource = %+v", ds)
	}
	if string(ds.JsonData) != `{"a":1}` || ds.DecryptedSecureJsonData["basicAuthPassword"] != "pw" {
		t.Errorf("jsonData/secure = %s / %v", ds.JsonData, ds.DecryptedSecureJsonData)
	}
	if !ds.BasicAuthEnabled || ds.BasicAuthUser != "bob" {
		t.Errorf("basic auth = %v %q", ds.BasicAuthEnabled, ds.BasicAuthUser)
	}
	if ds.LastUpdatedMS != 1_700_000_000_123 {
		t.Errorf("lastUpdatedMS = %d", ds.LastUpdatedMS)
	}
	cfg := proto.GrafanaConfig
	if cfg["GF_APP_URL"] != "http://grafana:3000/" || cfg["GF_X"] != "y" || cfg["GF_SQL_ROW_LIMIT"] == "" {
		t.Errorf("grafanaConfig = %v", cfg)
	}
}

func TestPluginContextWithoutSecretsSendsEmptyMap(t *testing.T) {
	s, err := parseSettings([]byte(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	pc := pluginContext(s, time.Now(), fallbackVersion)
	if pc.DataSourceInstanceSettings.DecryptedSecureJSONData == nil {
		t.Error("decryptedSecureJsonData is nil, want an empty map as Grafana sends")
	}
}

func TestPluginVersionFor(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "gpx_x_linux_amd64")
	if got := pluginVersionFor(exe); got != fallbackVersion {
		t.Errorf("without plugin.json: %q", got)
	}
	cases := map[string]string{
		`{"info": {"version": "0.4.1"}}`:     "0.4.1",
		`{"info": {"version": "%VERSION%"}}`: fallbackVersion,
		`not json`:                           fallbackVersion,
	}
	for content, want := range cases {
		if err := os.WriteFile(filepath.Join(dir, "plugin.json"), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := pluginVersionFor(exe); got != want {
			t.Errorf("%s: got %q, want %q", content, got, want)
		}
	}
}
