// Command sdkreference is the yardstick for `npm run bench:backend`: the same `profile` query as our
// TypeScript backend answers, written as a Go backend plugin on Grafana's own SDK (its Serve, its frame
// types and its Arrow encoding) and Pyroscope's generated client types. Timed through the same harness,
// it shows what the plugin protocol itself costs on a machine, whatever the plugin's language.
package main

import (
	"fmt"
	"net/http"
	"os"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
)

func main() {
	quit := os.Exit
	handler := &profileQueries{client: &http.Client{}}
	if err := backend.Serve(backend.ServeOpts{QueryDataHandler: handler}); err != nil {
		fmt.Fprintln(os.Stderr, "sdkreference:", err)
		quit(1)
	}
}
