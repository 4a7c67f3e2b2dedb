package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func TestHealthBody(t *testing.T) {
	cases := []struct {
		name string
		res  backend.CheckHealthResult
		want string
	}{
		{"ok with details", backend.CheckHealthResult{Status: backend.HealthStatusOk, Message: "fine", JSONDetails: []byte(`{"verboseMessage":"v"}`)},
			`{"details":{"verboseMessage":"v"},"message":"fine","status":"OK"}`},
		{"error without details", backend.CheckHealthResult{Status: backend.HealthStatusError, Message: "down"},
			`{"message":"down","status":"ERROR"}`},
		{"unknown", backend.CheckHealthResult{Status: backend.HealthStatusUnknown},
			`{"message":"","status":"UNKNOWN"}`},
		// Grafana unmarshals "null" into a nil map without error and sends it on.
		{"null details", backend.CheckHealthResult{Status: backend.HealthStatusOk, JSONDetails: []byte(`null`)},
			`{"details":null,"message":"","status":"OK"}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body, err := healthBody(&c.res)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(body)
			if string(got) != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}

func TestHealthBodyRejectsNonObjectDetailsAsGrafanaDoes(t *testing.T) {
	for _, details := range []string{`[1]`, `"text"`, `{`, `1`} {
		_, err := healthBody(&backend.CheckHealthResult{Status: backend.HealthStatusOk, JSONDetails: []byte(details)})
		if err == nil || !strings.Contains(err.Error(), "HTTP 500") {
			t.Errorf("%s: err = %v", details, err)
		}
	}
}
