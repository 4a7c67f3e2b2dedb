package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
)

// invocation is a parsed command: the common flags and what to do with the running plugin. call
// returns the value to print as JSON.
type invocation struct {
	common commonFlags
	call   func(ctx context.Context, p *pluginProcess) (any, error)
}

// execute starts the plugin, runs the call under the --timeout deadline, always stops the plugin
// (also on errors and on SIGINT/SIGTERM), then prints the result or one error line plus the logs.
func (inv *invocation) execute(command string, stdout, stderr io.Writer) int {
	ctx, cancel := context.WithTimeout(context.Background(), inv.common.timeout)
	defer cancel()
	// Cancelled only while the plugin is still starting (or after it is stopped): SIGKILLs the process.
	hardKill, hardKillNow := context.WithCancel(context.Background())
	defer hardKillNow()

	var started atomic.Bool
	var caught atomic.Value
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case sig := <-sigs:
			caught.Store(sig)
			cancel()
			if !started.Load() {
				hardKillNow()
			}
		case <-done:
		}
	}()

	var echo io.Writer
	if inv.common.verbose {
		echo = stderr
	}
	p, err := startPlugin(hardKill, inv.common.plugin, inv.common.timeout, echo)
	started.Store(true)
	var result any
	if err == nil {
		result, err = inv.call(ctx, p)
	}
	if p != nil && p.client != nil {
		p.kill()
	}

	if sig, ok := caught.Load().(os.Signal); ok {
		fmt.Fprintf(stderr, "grafana-client %s: interrupted by %s; plugin stopped\n", command, sig)
		if sig == syscall.SIGTERM {
			return 143
		}
		return 130
	}
	if err == nil {
		var out []byte
		out, err = marshalOutput(result, inv.common.pretty)
		if err == nil {
			_, _ = stdout.Write(out)
			return 0
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		err = fmt.Errorf("timed out after %s (raise --timeout): %w", inv.common.timeout, err)
	}
	fmt.Fprintf(stderr, "grafana-client %s: %s\n", command, oneLine(err.Error()))
	if p != nil && !inv.common.verbose {
		p.logs.dump(stderr)
	}
	return 1
}

// marshalOutput encodes v as one JSON document followed by a newline.
func marshalOutput(v any, pretty bool) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encoding the answer as JSON: %w", err)
	}
	if pretty {
		var buf bytes.Buffer
		if err := json.Indent(&buf, raw, "", "  "); err != nil {
			return nil, err
		}
		raw = buf.Bytes()
	}
	return append(raw, '\n'), nil
}
