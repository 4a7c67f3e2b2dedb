// Command grafana-client plays Grafana's part for our backend plugin: it starts the executable with
// hashicorp/go-plugin and grafana-plugin-sdk-go exactly as Grafana does, makes one kind of call, and
// prints the JSON body Grafana's HTTP API would answer with.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

const usage = `grafana-client: start the backend plugin as Grafana does and print what Grafana would answer.

Usage:
  grafana-client health   --settings S [common flags]
  grafana-client query    --settings S --query Q [--query Q2 ...] [--from T --to T] [common flags]
  grafana-client resource --settings S --path PATH [--method M] [--body B] [common flags]
  grafana-client lifecycle [common flags]
  grafana-client query-bench --settings S --query Q [--from T --to T] --runs N --concurrency C [--warmup W] [common flags]

  S  settings: a file path, @file, or inline JSON {"url", "jsonData", "secureJsonData", "uid"?, "name"?,
     "basicAuthEnabled"?, "basicAuthUser"?, "user"?, "database"?, "grafanaConfig"?}
  Q  a query object as inline JSON or @file; refId defaults to A (B, C… for later ones)
  T  epoch milliseconds, now, now-15m, now-1h, now-7d, or RFC 3339 (defaults: now-1h, now)
  B  request body, inline or @file

Common flags:
  --plugin PATH       backend executable (default dist/datasource/gpx_profiles_<os>_<arch>)
  --timeout DURATION  for the whole call, start included (default 60s)
  --verbose           echo the plugin's stderr and go-plugin's log to stderr
  --pretty            indent the JSON output

Exit codes: 0 the call worked (an ERROR health or a failed query is data), 1 the plugin could not be
started or called, 2 bad arguments, 130/143 interrupted.
`

func main() {
	quit := os.Exit // exits with run's code once every deferred cleanup in run has happened
	quit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError marks bad arguments (exit code 2).
type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }

func usageErrorf(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// run dispatches on the command and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	command, rest := args[0], args[1:]
	var cmd func([]string) (*invocation, error)
	switch command {
	case "health":
		cmd = healthCommand
	case "query":
		cmd = queryCommand
	case "resource":
		cmd = resourceCommand
	case "lifecycle":
		cmd = lifecycleCommand
	case "query-bench":
		cmd = queryBenchCommand
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "grafana-client: unknown command %q (want health, query, resource, lifecycle or query-bench)\n", command)
		return 2
	}
	inv, err := cmd(rest)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprintf(stderr, "grafana-client %s: %s\n", command, err)
		return 2
	}
	return inv.execute(command, stdout, stderr)
}

// commonFlags are accepted by every command.
type commonFlags struct {
	plugin  string
	timeout time.Duration
	verbose bool
	pretty  bool
}

// newFlagSet returns a flag set with the common flags registered into c.
func newFlagSet(name string, c *commonFlags) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors are reported once, by run
	fs.StringVar(&c.plugin, "plugin", defaultPluginPath(), "backend executable")
	fs.DurationVar(&c.timeout, "timeout", 60*time.Second, "timeout for the whole call")
	fs.BoolVar(&c.verbose, "verbose", false, "echo plugin stderr")
	fs.BoolVar(&c.pretty, "pretty", false, "indent JSON output")
	return fs
}

// parseFlags parses args and rejects stray positional arguments and a non-positive timeout.
func parseFlags(fs *flag.FlagSet, c *commonFlags, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usageErrorf("unexpected argument %q (flags take the form --name value)", fs.Arg(0))
	}
	if c.timeout <= 0 {
		return usageErrorf("--timeout must be positive, got %s", c.timeout)
	}
	return nil
}

// requireFlag reports a missing mandatory flag.
func requireFlag(name, value string) error {
	if strings.TrimSpace(value) == "" {
		return usageErrorf("--%s is required", name)
	}
	return nil
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string { return strings.Join(*s, " ") }

func (s *stringList) Set(v string) error {
	*s = append(*s, v)
	return nil
}
