package main

import (
	"reflect"
	"testing"
)

func TestSplitResourcePath(t *testing.T) {
	cases := []struct{ arg, path, url string }{
		{"labels", "labels", "labels"},
		{"/labels", "labels", "labels"},
		{"//labels/names", "labels/names", "labels/names"},
		{"labels?start=1&end=2", "labels", "labels?start=1&end=2"},
		{"label%20values/x?name=service_name", "label values/x", "label%20values/x?name=service_name"},
		{"profileTypes?q=a%20b", "profileTypes", "profileTypes?q=a%20b"},
		{"?x=1", "", "?x=1"},
		// Go's url.URL.String (Grafana's encoder) guards a colon in the first segment with "./".
		{"a:b", "a:b", "./a:b"},
	}
	for _, c := range cases {
		path, url, err := splitResourcePath(c.arg)
		if err != nil {
			t.Errorf("%q: %v", c.arg, err)
			continue
		}
		if path != c.path || url != c.url {
			t.Errorf("%q: path %q url %q, want %q %q", c.arg, path, url, c.path, c.url)
		}
	}
	if _, _, err := splitResourcePath("bad%zz"); err == nil {
		t.Error("bad escape: no error")
	}
}

func TestGrafanaResponseHeaders(t *testing.T) {
	got := grafanaResponseHeaders(map[string][]string{
		"content-type":   {"text/plain"},
		"x-custom":       {"a", "b"},
		"set-cookie":     {"session=1"},
		"Content-Length": {"5"},
	}, 200)
	want := map[string][]string{
		"Content-Type":   {"text/plain"},
		"X-Custom":       {"a", "b"},
		"Content-Length": {"5"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}

	if got := grafanaResponseHeaders(nil, 200); !reflect.DeepEqual(got, map[string][]string{"Content-Type": {"application/json"}}) {
		t.Errorf("no headers: got %v", got)
	}
	if got := grafanaResponseHeaders(nil, 204); len(got) != 0 {
		t.Errorf("204: got %v", got)
	}
}

func TestEncodeBody(t *testing.T) {
	cases := []struct {
		body, want, encoding string
	}{
		{`{"a":1}`, `{"a":1}`, ""},
		{`[1,2]`, `[1,2]`, ""},
		{`hello`, `"hello"`, ""},
		{``, `""`, ""},
		{"\xff\x00", `"/wA="`, "base64"},
	}
	for _, c := range cases {
		got, encoding := encodeBody([]byte(c.body))
		if string(got) != c.want || encoding != c.encoding {
			t.Errorf("%q: got %s (%q), want %s (%q)", c.body, got, encoding, c.want, c.encoding)
		}
	}
}

func TestResourceRequestHeaders(t *testing.T) {
	if _, ok := resourceRequestHeaders(false)["Content-Type"]; ok {
		t.Error("Content-Type without a body")
	}
	if got := resourceRequestHeaders(true)["Content-Type"]; !reflect.DeepEqual(got, []string{"application/json"}) {
		t.Errorf("Content-Type with a body = %v", got)
	}
}
