#!/bin/sh
# Backend executable of @PLUGIN_ID@, started by Grafana as @EXECUTABLE@_<os>_<arch>.
# It runs the bundled backend (@EXECUTABLE@.js, next to this file) on Node.js and prints nothing on stdout:
# Grafana reads the first stdout line as the plugin handshake. Grafana does not set the working directory,
# so the bundle is found relative to this script, following symlinks.

self=$0
case $self in */*) ;; *) self=./$self ;; esac
while [ -h "$self" ] && command -v readlink >/dev/null 2>&1; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) self=${self%/*}/$link ;;
  esac
done
dir=$(CDPATH='' cd -P -- "${self%/*}" >/dev/null 2>&1 && pwd -P) || {
  echo "@PLUGIN_ID@: cannot find the directory of $0" >&2
  exit 1
}

# GF_PLUGIN_NODE_PATH is what Grafana passes for `node_path` in the [plugin.@PLUGIN_ID@] ini section.
node=${GF_PLUGIN_NODE_PATH:-${NODE:-}}
if [ -n "$node" ]; then
  if ! [ -x "$node" ]; then
    echo "@PLUGIN_ID@: Node.js was configured as \"$node\" (GF_PLUGIN_NODE_PATH or NODE), but that is not an executable file; point it at a Node.js 20 or newer binary" >&2
    exit 127
  fi
else
  node=$(command -v node 2>/dev/null) || node=
  if [ -z "$node" ]; then
    echo "@PLUGIN_ID@: Node.js 20 or newer is required to run this backend but no \"node\" was found on PATH; install Node.js on the Grafana host or set GF_PLUGIN_NODE_PATH" >&2
    exit 127
  fi
fi

version=$("$node" --version 2>/dev/null) || version=
major=${version#v}
major=${major%%.*}
case $major in '' | *[!0-9]*) major=0 ;; esac
if [ "$major" -lt 20 ]; then
  echo "@PLUGIN_ID@: Node.js 20 or newer is required to run this backend but \"$node\" is ${version:-not a working Node.js}; install a newer Node.js or set GF_PLUGIN_NODE_PATH" >&2
  exit 1
fi

# exec, so that Grafana's SIGKILL reaches Node itself and leaves no orphan behind.
exec "$node" "$dir/@EXECUTABLE@.js" "$@"
