package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

func TestRunExitCodesForBadArguments(t *testing.T) {
	cases := map[string]struct {
		args    []string
		code    int
		wantErr string
	}{
		"no command":        {nil, 2, "Usage:"},
		"unknown command":   {[]string{"explode"}, 2, `unknown command "explode"`},
		"unknown flag":      {[]string{"health", "--settngs", "x"}, 2, "flag provided but not defined: -settngs"},
		"missing settings":  {[]string{"health"}, 2, "--settings is required"},
		"missing query":     {[]string{"query", "--settings", `{}`}, 2, "--query is required"},
		"missing path":      {[]string{"resource", "--settings", `{}`}, 2, "--path is required"},
		"bad method":        {[]string{"resource", "--settings", `{}`, "--path", "x", "--method", "TRACE"}, 2, "use one of GET, POST"},
		"stray argument":    {[]string{"lifecycle", "extra"}, 2, `unexpected argument "extra"`},
		"bad timeout":       {[]string{"lifecycle", "--timeout", "0s"}, 2, "--timeout must be positive"},
		"bad runs":          {[]string{"query-bench", "--settings", `{}`, "--query", `{}`, "--runs", "0"}, 2, "--runs and --concurrency"},
		"bad warmup":        {[]string{"query-bench", "--settings", `{}`, "--query", `{}`, "--warmup", "-1"}, 2, "--warmup at least 0"},
		"bad settings json": {[]string{"health", "--settings", `{"url": 1}`}, 2, "not a valid settings object"},
		"plugin missing": {[]string{"lifecycle", "--plugin", filepath.Join("no", "such", "gpx_x")}, 1,
			"not found: run `npm run build` first or pass --plugin PATH"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(c.args, &stdout, &stderr)
			if code != c.code {
				t.Errorf("exit code %d, want %d (stderr: %s)", code, c.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), c.wantErr) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), c.wantErr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout is not empty: %q", stdout.String())
			}
		})
	}
}

func TestRunHelpGoesToStdout(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"health", "--help"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Usage:") {
			t.Errorf("%v: code %d, stdout %q", args, code, stdout.String())
		}
	}
}
