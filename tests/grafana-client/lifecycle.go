package main

import (
	"context"
	"time"
)

// lifecycleReport is what `lifecycle` prints: the handshake outcome, the health ping, and how the
// process stopped when Grafana's Kill asked it to.
type lifecycleReport struct {
	NegotiatedVersion int     `json:"negotiatedVersion"`
	Protocol          string  `json:"protocol"`
	StartMs           float64 `json:"startMs"`
	Ping              bool    `json:"ping"`
	PingError         string  `json:"pingError,omitempty"`
	KillMs            float64 `json:"killMs"`
	// Graceful is false when go-plugin had to SIGKILL the process after its 2 s grace period.
	Graceful bool `json:"graceful"`
	Exited   bool `json:"exited"`
}

// lifecycleCommand: `lifecycle`, start → ping → Kill, for tests of the process and handshake path.
func lifecycleCommand(args []string) (*invocation, error) {
	var common commonFlags
	fs := newFlagSet("lifecycle", &common)
	if err := parseFlags(fs, &common, args); err != nil {
		return nil, err
	}
	return &invocation{common: common, call: func(_ context.Context, p *pluginProcess) (any, error) {
		report := lifecycleReport{
			NegotiatedVersion: p.client.NegotiatedVersion(),
			Protocol:          string(p.client.Protocol()),
			StartMs:           millis(p.startTook),
		}
		if err := p.rpc.Ping(); err != nil {
			report.PingError = oneLine(err.Error())
		} else {
			report.Ping = true
		}
		took, graceful := p.kill()
		report.KillMs = millis(took)
		report.Graceful = graceful
		report.Exited = p.client.Exited()
		return report, nil
	}}, nil
}

// millis is d in milliseconds with two decimals.
func millis(d time.Duration) float64 {
	return float64(d.Round(10*time.Microsecond)) / float64(time.Millisecond)
}
