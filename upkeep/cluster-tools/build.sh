#!/usr/bin/env bash
# Builds (once) the binaries the cluster test suite needs: kube-apiserver, kube-controller-manager,
# kube-scheduler, etcd, kwok, pulumi and pulumi-resource-kubernetes, from the Go module proxy.
# They land in ${XDG_CACHE_HOME:-~/.cache}/slipway/cluster-tools/<hash of this folder>/bin, built in a
# staging folder and moved in whole, so an interrupted build never looks finished.
# Run it:    bash upkeep/cluster-tools/build.sh   (prints the folder; quiet when everything is cached)
# Source it: source upkeep/cluster-tools/build.sh (also exports SLIPWAY_CLUSTER_ASSETS)
#
# Everything runs in a subshell: sourcing it sets no shell option, function or Go variable in the
# caller, only SLIPWAY_CLUSTER_ASSETS.

cluster_tools_build() (
  set -euo pipefail

  log() { echo "--- cluster-tools: $*" >&2; }

  ensure_go() {
    if ! command -v go >/dev/null; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq golang-go >/dev/null
    fi
    # A module's `go` line newer than the installed Go fetches that toolchain (a module on the Go proxy).
    export GOTOOLCHAIN="${GOTOOLCHAIN:-auto}" GOFLAGS=-mod=mod CGO_ENABLED=0
  }

  # go build with what every tool shares: no paths or symbols in the binary (smaller, faster to link).
  gobuild() { local flags="$1"; shift; go build -trimpath -ldflags "-s -w $flags" "$@"; }

  # Copies a wrapper module out of the tree so resolving it never writes to the working tree.
  stage_module() { rm -rf "$2" && cp -r "$1" "$2" && chmod -R u+w "$2"; }

  build_kubernetes() {
    local staging="$2"
    [[ -x "$staging/bin/kube-scheduler" ]] && return 0
    log "building Kubernetes $KUBERNETES_VERSION control plane (cold: about 30 minutes on 2 cores)"
    local minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
    # kubectl-like clients parse the server's version: stamp it where both version packages read it.
    local flags="" pkg
    for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
      flags+=" -X $pkg.gitVersion=$KUBERNETES_VERSION -X $pkg.gitMajor=1 -X $pkg.gitMinor=$minor -X $pkg.gitTreeState=clean"
    done
    stage_module "$1/kubernetes" "$staging/src/kubernetes"
    (cd "$staging/src/kubernetes" && gobuild "$flags" -o "$staging/bin/" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler)
  }

  # build_wrapped <module dir> <staging> <binary> <package> <extra ldflags>
  build_wrapped() {
    local staging="$2" name="$3"
    [[ -x "$staging/bin/$name" ]] && return 0
    log "building $name"
    stage_module "$1" "$staging/src/$name"
    (cd "$staging/src/$name" && gobuild "$5" -o "$staging/bin/$name" "$4")
  }

  # kwok plays the kubelet only through Stage objects; these are kwokctl's defaults (nodes Ready
  # with a heartbeat lease, pods Ready at once, deleted pods gone), from kwok's own module.
  write_kwok_stages() {
    local staging="$1" dir stage file
    [[ -f "$staging/bin/kwok-stages.yaml" ]] && return 0
    dir="$(go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')/kustomize/stage"
    for stage in node/fast node/heartbeat-with-lease pod/fast; do
      for file in "$dir/$stage"/*.yaml; do
        [[ "$(basename "$file")" == kustomization.yaml ]] && continue
        echo "---"; cat "$file"
      done
    done > "$staging/bin/kwok-stages.yaml.tmp"
    mv "$staging/bin/kwok-stages.yaml.tmp" "$staging/bin/kwok-stages.yaml"
  }

  # The provider's main package embeds schema-embed.json, which its repository's `go generate` writes from
  # schema.json (shipped in the module zip) and is therefore absent from it. So: copy the module, drop its
  # replace of ../sdk (a folder outside the module), run its own generate.go, then build.
  build_provider() {
    local staging="$1"
    [[ -x "$staging/bin/pulumi-resource-kubernetes" ]] && return 0
    log "building pulumi-resource-kubernetes"
    local mod="github.com/pulumi/pulumi-kubernetes/provider/v4" dir src="$staging/src/provider"
    dir="$(go mod download -json "$mod@$PULUMI_KUBERNETES_MODULE_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p')"
    stage_module "$dir" "$src"
    local version="${PULUMI_KUBERNETES_MODULE_VERSION#v}"
    (cd "$src" && go mod edit -dropreplace=github.com/pulumi/pulumi-kubernetes/sdk/v4 \
      && (cd cmd/pulumi-resource-kubernetes && VERSION="$version" go run generate.go) \
      && gobuild "-X $mod/pkg/version.Version=$version" -o "$staging/bin/pulumi-resource-kubernetes" ./cmd/pulumi-resource-kubernetes)
  }


  cluster_tools_main() {
    local tools; tools="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
    # shellcheck source=versions.env
    source "$tools/versions.env"
    # The folder is named by what the binaries are built from; bump recipe when the steps below change.
    local recipe=1 hash
    hash="$(cd "$tools" && { echo "recipe $recipe"; cat versions.env $(find . -name 'go.mod' -o -name 'go.sum' -o -name '*.go' | sort); } | sha256sum | cut -c1-16)"
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/slipway/cluster-tools"
    local final="$cache/$hash" staging="$cache/$hash.staging"
    if [[ ! -x "$final/bin/pulumi-resource-kubernetes" || ! -f "$final/bin/kwok-stages.yaml" ]]; then
      ensure_go
      mkdir -p "$staging/bin" "$staging/src"
      # Each step skips a binary already in staging, so a rerun after a failure resumes where it stopped.
      build_kubernetes "$tools" "$staging"
      build_wrapped "$tools/etcd" "$staging" etcd "." ""
      build_wrapped "$tools/kwok" "$staging" kwok "sigs.k8s.io/kwok/cmd/kwok" ""
      write_kwok_stages "$staging"
      build_wrapped "$tools/pulumi" "$staging" pulumi "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi" \
        "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$PULUMI_VERSION"
      build_provider "$staging"
      rm -rf "$staging/src" "$final"
      mv "$staging" "$final"
      log "cluster tools built into $final/bin"
    fi
    echo "$final/bin"
  }

  cluster_tools_main
)

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  cluster_tools_build
else
  SLIPWAY_CLUSTER_ASSETS="$(cluster_tools_build)" && export SLIPWAY_CLUSTER_ASSETS
fi
