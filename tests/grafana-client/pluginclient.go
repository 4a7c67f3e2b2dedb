package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/hashicorp/go-plugin"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// defaultPluginPath is where `npm run build` puts the backend for this machine, as Grafana names it.
func defaultPluginPath() string {
	name := fmt.Sprintf("gpx_profiles_%s_%s", runtime.GOOS, runtime.GOARCH)
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	return filepath.Join("dist", "datasource", name)
}

// pluginProcess is one running backend, started and connected the way Grafana does it.
type pluginProcess struct {
	path      string
	client    *plugin.Client
	rpc       plugin.ClientProtocol
	logs      *pluginLogs
	startTook time.Duration
	cmd       *exec.Cmd
	// startFailed: go-plugin's Start failed and has already SIGKILLed the process itself.
	startFailed bool
}

// handshakeConfig is Grafana's: the SDK exports the parts but not the assembled value.
var handshakeConfig = plugin.HandshakeConfig{
	ProtocolVersion:  grpcplugin.ProtocolVersion,
	MagicCookieKey:   grpcplugin.MagicCookieKey,
	MagicCookieValue: grpcplugin.MagicCookieValue,
}

// versionedPlugins mirrors Grafana's pkg/plugins/backendplugin/grpcplugin client (minus the renderer,
// which is not an SDK type); dispensing never asks the plugin, so listing services costs nothing.
func versionedPlugins() map[int]plugin.PluginSet {
	return map[int]plugin.PluginSet{
		grpcplugin.ProtocolVersion: {
			"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
			"resource":    &grpcplugin.ResourceGRPCPlugin{},
			"data":        &grpcplugin.DataGRPCPlugin{},
			"stream":      &grpcplugin.StreamGRPCPlugin{},
			"admission":   &grpcplugin.AdmissionGRPCPlugin{},
			"conversion":  &grpcplugin.ConversionGRPCPlugin{},
		},
	}
}

// resolvePluginPath makes the executable path absolute (Grafana always passes one) and checks that it
// exists, so the usual mistake gets a hint instead of a bare fork/exec error.
func resolvePluginPath(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	info, err := os.Stat(abs)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("plugin executable %s not found: run `npm run build` first or pass --plugin PATH", path)
	}
	if err != nil {
		return "", err
	}
	if info.IsDir() {
		return "", fmt.Errorf("plugin executable %s is a directory: pass the gpx_… file inside it", path)
	}
	return abs, nil
}

// startPlugin spawns the executable and waits for the handshake and the gRPC connection, like
// Grafana's plugin start. kill, once cancelled, SIGKILLs the process: the only way to interrupt
// go-plugin while it waits for the handshake.
func startPlugin(kill context.Context, path string, startTimeout time.Duration, echo io.Writer) (*pluginProcess, error) {
	abs, err := resolvePluginPath(path)
	if err != nil {
		return nil, err
	}
	logs := newPluginLogs(filepath.Base(abs), echo)
	cmd := exec.CommandContext(kill, abs)
	// Grafana's own additions; go-plugin appends the host environment after these.
	cmd.Env = []string{"GF_VERSION=" + grafanaVersion}

	p := &pluginProcess{path: path, logs: logs, cmd: cmd}
	p.client = plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshakeConfig,
		VersionedPlugins: versionedPlugins(),
		Cmd:              cmd,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		Logger:           logs.logger,
		Stderr:           logs.stderr,
		StartTimeout:     startTimeout,
	})
	began := time.Now()
	if _, err := p.client.Start(); err != nil {
		p.startFailed = true
		return p, fmt.Errorf("starting plugin %s: %s", path, oneLine(err.Error()))
	}
	rpc, err := p.client.Client()
	p.startTook = time.Since(began)
	if err != nil {
		return p, fmt.Errorf("connecting to plugin %s: %s", path, oneLine(err.Error()))
	}
	p.rpc = rpc
	if v := p.client.NegotiatedVersion(); v < grpcplugin.ProtocolVersion {
		return p, fmt.Errorf("plugin %s negotiated protocol version %d: Grafana refuses it (plugin protocol version not supported)", path, v)
	}
	if proto := p.client.Protocol(); proto != plugin.ProtocolGRPC {
		return p, fmt.Errorf("plugin %s speaks %q, Grafana only accepts grpc", path, proto)
	}
	return p, nil
}

// kill stops the plugin as Grafana does (GRPCController.Shutdown, 2 s grace, then SIGKILL) and says
// how long that took and whether the process ended by itself.
func (p *pluginProcess) kill() (took time.Duration, graceful bool) {
	began := time.Now()
	if p.startFailed {
		// Already killed by go-plugin; wait for the exit so its last stderr lines are captured.
		for deadline := time.Now().Add(2 * time.Second); p.cmd.Process != nil && !p.client.Exited() && time.Now().Before(deadline); {
			time.Sleep(10 * time.Millisecond)
		}
		return time.Since(began), false
	}
	p.client.Kill()
	return time.Since(began), !p.logs.hostSaid("plugin failed to exit gracefully")
}

// dispense returns the client for one of Grafana's plugin keys, typed as the SDK's client interface.
func dispense[T any](p *pluginProcess, key string) (T, error) {
	var zero T
	raw, err := p.rpc.Dispense(key)
	if err != nil {
		return zero, fmt.Errorf("dispensing %q: %w", key, err)
	}
	c, ok := raw.(T)
	if !ok {
		return zero, fmt.Errorf("dispensing %q returned %T", key, raw)
	}
	return c, nil
}

// rpcError explains a failed gRPC call, naming Grafana's answer for the common cases.
func rpcError(ctx context.Context, method, grafanaAnswer string, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil {
		return fmt.Errorf("%s: %w (%s)", method, ctxErr, oneLine(err.Error()))
	}
	st, _ := status.FromError(err)
	if st.Code() == codes.Unimplemented {
		return fmt.Errorf("the plugin does not implement %s (gRPC UNIMPLEMENTED: %s); Grafana answers %s", method, st.Message(), grafanaAnswer)
	}
	return fmt.Errorf("%s failed: gRPC %s: %s", method, st.Code(), oneLine(st.Message()))
}

// pluginVersionFor reads info.version from the plugin.json next to the executable, which is where
// Grafana takes the pluginVersion of every request from.
func pluginVersionFor(path string) string {
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(path), "plugin.json"))
	if err != nil {
		return fallbackVersion
	}
	var meta struct {
		Info struct {
			Version string `json:"version"`
		} `json:"info"`
	}
	if json.Unmarshal(raw, &meta) != nil || meta.Info.Version == "" || strings.Contains(meta.Info.Version, "%") {
		return fallbackVersion
	}
	return meta.Info.Version
}

// oneLine folds a multi-line error (go-plugin's handshake errors carry notes) into one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
