#!/usr/bin/env bash
# Builds the Go harness that plays Grafana's part when its sources (or the Go version) changed, then runs
# it with all arguments in the caller's working directory, so relative paths keep working.
set -euo pipefail

src_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
out_dir="${XDG_CACHE_HOME:-$HOME/.cache}/emberlabs-profiles/grafana-client"
bin="$out_dir/grafana-client"
mkdir -p "$out_dir"

if ! command -v go >/dev/null 2>&1; then
  echo "grafana-client: Go is required to build the harness (tests/grafana-client) but \"go\" is not on PATH" >&2
  exit 1
fi

# A fingerprint of what the binary is built from; without sha256sum, go build decides (about 0.5 s).
fingerprint() {
  if command -v sha256sum >/dev/null 2>&1; then
    { go version; cat "$src_dir/go.mod" "$src_dir/go.sum" "$src_dir"/*.go; } | sha256sum | cut -d' ' -f1
  fi
}

build_if_changed() {
  local want
  want=$(fingerprint)
  if [ -n "$want" ] && [ -x "$bin" ] && [ "$(cat "$bin.fingerprint" 2>/dev/null)" = "$want" ]; then
    return
  fi
  go -C "$src_dir" build -o "$bin" .
  if [ -n "$want" ]; then printf '%s\n' "$want" >"$bin.fingerprint"; fi
}

# Serialise concurrent builds (parallel test runs) so none of them runs a half-written binary.
if command -v flock >/dev/null 2>&1; then
  (
    flock 9
    build_if_changed
  ) 9>"$out_dir/.build.lock"
else
  build_if_changed
fi

# `run.sh --build-only` (used by .ci/run) builds ahead of the tests and stops there.
if [ "${1:-}" = "--build-only" ]; then
  exit 0
fi

exec "$bin" "$@"
