// compose-config loads files the way Docker Compose v2 does, with the compose-spec loader that
// `docker compose config` itself uses (schema validation, interpolation, normalisation, consistency checks),
// and prints JSON, so tests on a machine without a Docker engine can check the demo stack.
//
//	compose-config config FILE   the resolved project, as `docker compose config --format json` prints it
//	compose-config yaml FILE...  each YAML file as JSON (a JSON array), for provisioning files
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
	"go.yaml.in/yaml/v4"
)

func main() {
	err := run(os.Args[1:])
	if err == nil {
		return
	}
	fmt.Fprintf(os.Stderr, "compose-config: %v\n", err)
	quit := os.Exit // a non-zero status tells the calling test that the file did not load
	quit(1)
}

func run(args []string) error {
	if len(args) < 2 {
		return fmt.Errorf("usage: compose-config config FILE | compose-config yaml FILE...")
	}
	switch args[0] {
	case "config":
		return printProject(args[1])
	case "yaml":
		return printYaml(args[1:])
	default:
		return fmt.Errorf("unknown command %q: expected config or yaml", args[0])
	}
}

func printProject(file string) error {
	abs, err := filepath.Abs(file)
	if err != nil {
		return err
	}
	// No OS environment and no .env file: the check sees exactly what a fresh clone gives every user.
	options, err := cli.NewProjectOptions([]string{abs}, cli.WithWorkingDirectory(filepath.Dir(abs)))
	if err != nil {
		return err
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		return err
	}
	out, err := project.MarshalJSON()
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(append(out, '\n'))
	return err
}

func printYaml(files []string) error {
	documents := make([]any, 0, len(files))
	for _, file := range files {
		text, err := os.ReadFile(file)
		if err != nil {
			return err
		}
		var document any
		if err := yaml.Unmarshal(text, &document); err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		documents = append(documents, document)
	}
	return json.NewEncoder(os.Stdout).Encode(documents)
}
