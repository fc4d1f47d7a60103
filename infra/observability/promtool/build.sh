#!/usr/bin/env bash
# Builds (once) Prometheus's promtool from its Go module at the version pinned below, for the alert
# rules' tests (`promtool check rules`, `promtool test rules`). It lands in
# ${XDG_CACHE_HOME:-~/.cache}/slipway/promtool-<version>/bin, installed into a staging folder and
# moved in whole, so an interrupted build never looks finished; a cached build is reused offline.
# Run it:    bash infra/observability/promtool/build.sh   (prints the binary's path)
# Source it: source infra/observability/promtool/build.sh (also exports SLIPWAY_PROMTOOL)
#
# A fork keeps this: its alert rules are tested with it. Everything
# runs in a subshell: sourcing it sets no shell option or Go variable in the caller.

# Prometheus 3.16.0: the module's v0.3xx tags are the v3 releases (v0.316.0 = 3.16.0).
PROMETHEUS_VERSION=3.16.0
PROMTOOL_MODULE_VERSION=v0.316.0

promtool_build() (
  set -euo pipefail
  log() { echo "--- promtool: $*" >&2; }

  # Bump when the steps below change, so an old build is not mistaken for a new one.
  local recipe=2
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/slipway"
  local final="$cache/promtool-$PROMTOOL_MODULE_VERSION-r$recipe" staging
  staging="$final.staging"
  if [[ ! -x "$final/bin/promtool" ]]; then
    if ! command -v go >/dev/null; then
      log "installing Go from the Debian packages"
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
    fi
    log "building github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_MODULE_VERSION (cold: 5 to 15 minutes on 2 cores, mostly fetching modules)"
    rm -rf "$staging" && mkdir -p "$staging/bin"
    # A module's `go` line newer than the installed Go fetches that toolchain (a module on the Go proxy).
    GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOFLAGS=-mod=mod CGO_ENABLED=0 GOBIN="$staging/bin" \
      go install -trimpath -ldflags "-s -w -X github.com/prometheus/common/version.Version=$PROMETHEUS_VERSION" \
      "github.com/prometheus/prometheus/cmd/promtool@$PROMTOOL_MODULE_VERSION"
    rm -rf "$final" && mv "$staging" "$final"
    log "built into $final/bin"
  fi
  echo "$final/bin/promtool"
)

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  promtool_build
else
  SLIPWAY_PROMTOOL="$(promtool_build)" && export SLIPWAY_PROMTOOL
fi
